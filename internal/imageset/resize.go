package imageset

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"math"

	"golang.org/x/image/draw"
)

// scaleAll makes the copies narrower than the picture, widest first, each
// from the one before it: the widest resampling from the full picture is
// the slow one, the others start from a picture at most 1440 pixels wide.
// Copies are scaled in the file's stored orientation, then turned.
func scaleAll(src image.Image, set *Set, meta jpegMeta) ([]Variant, error) {
	widths := Widths()
	var out []Variant
	prev := src
	for i := len(widths) - 1; i >= 0; i-- {
		w := widths[i]
		if w >= set.Width {
			continue
		}
		h := max(1, int(math.Round(float64(set.Height)*float64(w)/float64(set.Width))))
		sw, sh := w, h
		if meta.orientation >= 5 {
			sw, sh = h, w
		}
		dst := image.NewRGBA(image.Rect(0, 0, sw, sh))
		draw.CatmullRom.Scale(dst, dst.Bounds(), prev, prev.Bounds(), draw.Src, nil)
		prev = dst
		data, err := encode(orient(dst, meta.orientation), set.Format, meta.profile(src))
		if err != nil {
			return nil, err
		}
		out = append([]Variant{{Width: w, Height: h, Data: data}}, out...)
	}
	return out, nil
}

// encode writes m as a PNG, or as a JPEG carrying the original's colour
// profile segments.
func encode(m image.Image, format string, profile [][]byte) ([]byte, error) {
	var b bytes.Buffer
	if format == "png" {
		err := png.Encode(&b, m)
		return b.Bytes(), err
	}
	if err := jpeg.Encode(&b, m, &jpeg.Options{Quality: Quality}); err != nil {
		return nil, err
	}
	return withSegments(b.Bytes(), profile), nil
}

// orient turns a picture stored in EXIF orientation o (2 to 8) upright.
func orient(m *image.RGBA, o int) *image.RGBA {
	if o < 2 || o > 8 {
		return m
	}
	w, h := m.Rect.Dx(), m.Rect.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	out := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := range dh {
		for x := range dw {
			sx, sy := storedAt(o, x, y, w, h)
			copy(out.Pix[out.PixOffset(x, y):][:4], m.Pix[m.PixOffset(sx, sy):][:4])
		}
	}
	return out
}

// storedAt maps pixel (x, y) of the upright picture to its place in a
// w×h picture stored in EXIF orientation o.
func storedAt(o, x, y, w, h int) (int, int) {
	switch o {
	case 2: // mirrored
		return w - 1 - x, y
	case 3: // upside down
		return w - 1 - x, h - 1 - y
	case 4: // mirrored upside down
		return x, h - 1 - y
	case 5: // mirrored, on its side
		return y, x
	case 6: // needs a quarter turn clockwise
		return y, h - 1 - x
	case 7: // mirrored, on its other side
		return w - 1 - y, h - 1 - x
	default: // 8: needs a quarter turn anticlockwise
		return w - 1 - y, x
	}
}
