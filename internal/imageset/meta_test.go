package imageset

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"testing"
)

// exifSegment is an APP1 segment giving only an orientation, in byte order bo.
func exifSegment(bo binary.AppendByteOrder, orientation uint16) []byte {
	tiff := []byte("MM\x00\x2a")
	if bo == binary.LittleEndian {
		tiff = []byte("II\x2a\x00")
	}
	tiff = bo.AppendUint32(tiff, 8)
	tiff = bo.AppendUint16(tiff, 1)
	tiff = bo.AppendUint16(tiff, 0x0112)
	tiff = bo.AppendUint16(tiff, 3)
	tiff = bo.AppendUint32(tiff, 1)
	tiff = bo.AppendUint16(tiff, orientation)
	tiff = append(tiff, 0, 0, 0, 0, 0, 0) // value padding, no next directory
	return segment(0xE1, append([]byte("Exif\x00\x00"), tiff...))
}

func segment(marker byte, payload []byte) []byte {
	return append(binary.BigEndian.AppendUint16([]byte{0xFF, marker}, uint16(len(payload)+2)), payload...)
}

func TestOrientationTurnsCopies(t *testing.T) {
	// Stored 1600×900 with a red left edge; orientation 6 shows it upright
	// as 900×1600 with the red edge at the top.
	m := gradient(1600, 900)
	for y := range 900 {
		for x := range 100 {
			m.Set(x, y, color.RGBA{R: 255, A: 255})
		}
	}
	plain := jpegOf(t, m)
	for _, bo := range []binary.AppendByteOrder{binary.BigEndian, binary.LittleEndian} {
		data := withSegments(plain, [][]byte{exifSegment(bo, 6)})
		set, err := Make("a.jpg", data)
		if err != nil {
			t.Fatal(err)
		}
		if set.Width != 900 || set.Height != 1600 || len(set.Variants) != 1 {
			t.Fatalf("%v: size %d×%d with %d copies, want 900×1600 with one", bo, set.Width, set.Height, len(set.Variants))
		}
		got, err := jpeg.Decode(bytes.NewReader(set.Variants[0].Data))
		if err != nil {
			t.Fatal(err)
		}
		if b := got.Bounds(); b.Dx() != 480 || b.Dy() != 853 {
			t.Errorf("copy is %v", b)
		}
		if r, g, _, _ := got.At(240, 5).RGBA(); r>>8 < 200 || g>>8 > 60 {
			t.Errorf("top of the upright copy is not red: %d %d", r>>8, g>>8)
		}
	}
}

func TestStoredAtCoversEveryPixel(t *testing.T) {
	const w, h = 3, 2
	for o := 2; o <= 8; o++ {
		dw, dh := w, h
		if o >= 5 {
			dw, dh = h, w
		}
		seen := map[image.Point]bool{}
		for y := range dh {
			for x := range dw {
				sx, sy := storedAt(o, x, y, w, h)
				if sx < 0 || sy < 0 || sx >= w || sy >= h {
					t.Fatalf("orientation %d: (%d,%d) maps outside to (%d,%d)", o, x, y, sx, sy)
				}
				seen[image.Pt(sx, sy)] = true
			}
		}
		if len(seen) != w*h {
			t.Errorf("orientation %d covers %d of %d pixels", o, len(seen), w*h)
		}
	}
}

func TestColourProfileIsKept(t *testing.T) {
	icc := segment(0xE2, []byte("ICC_PROFILE\x00\x01\x01fake profile"))
	data := withSegments(jpegOf(t, gradient(1000, 500)), [][]byte{icc})
	set, err := Make("a.jpg", data)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range set.Variants {
		if !bytes.Contains(v.Data[:64], icc) {
			t.Errorf("copy %d wide lacks the ICC profile", v.Width)
		}
		if _, err := jpeg.Decode(bytes.NewReader(v.Data)); err != nil {
			t.Errorf("copy %d wide: %v", v.Width, err)
		}
	}
}

func TestBrokenExifIsIgnored(t *testing.T) {
	for _, tiff := range [][]byte{nil, []byte("XX\x00\x2a"), []byte("II\x2a\x00\xff\xff\xff\x7f"), []byte("MM\x00\x2a\x00\x00\x00\x08\x00\x09")} {
		if o := exifOrientation(tiff); o != 1 {
			t.Errorf("exifOrientation(%q) = %d, want 1", tiff, o)
		}
	}
}
