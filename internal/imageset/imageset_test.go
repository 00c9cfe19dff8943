package imageset

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"testing"
)

// gradient is a w×h picture whose colour changes across it.
func gradient(w, h int) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			m.Set(x, y, color.RGBA{R: uint8(x * 255 / w), G: uint8(y * 255 / h), B: 90, A: 255})
		}
	}
	return m
}

func jpegOf(t *testing.T, m image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, m, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func pngOf(t *testing.T, m image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestMakeSizes(t *testing.T) {
	tests := []struct {
		name   string
		w, h   int
		widths []int
	}{
		{"large.jpg", 2000, 1125, []int{480, 960, 1440}},
		{"exact.jpg", 1440, 810, []int{480, 960}}, // a copy as wide as the original is useless
		{"mid.JPEG", 1000, 500, []int{480, 960}},
		{"small.jpg", 400, 300, nil},
		{"tall.png", 700, 1400, []int{480}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := jpegOf(t, gradient(tt.w, tt.h))
			if tt.name == "tall.png" {
				data = pngOf(t, gradient(tt.w, tt.h))
			}
			set, err := Make(tt.name, data)
			if err != nil {
				t.Fatal(err)
			}
			if set.Width != tt.w || set.Height != tt.h {
				t.Errorf("size %d×%d, want %d×%d", set.Width, set.Height, tt.w, tt.h)
			}
			if len(set.Variants) != len(tt.widths) {
				t.Fatalf("%d variants, want widths %v", len(set.Variants), tt.widths)
			}
			for i, v := range set.Variants {
				checkVariant(t, v, tt.widths[i], tt.w, tt.h)
			}
		})
	}
}

// checkVariant decodes a copy and checks its pixel size and aspect ratio.
func checkVariant(t *testing.T, v Variant, want, w, h int) {
	t.Helper()
	cfg, _, err := image.DecodeConfig(bytes.NewReader(v.Data))
	if err != nil {
		t.Fatal(err)
	}
	wantH := (h*want + w/2) / w
	if v.Width != want || cfg.Width != want || v.Height != wantH || cfg.Height != wantH {
		t.Errorf("copy %d×%d (file %d×%d), want %d×%d", v.Width, v.Height, cfg.Width, cfg.Height, want, wantH)
	}
}

func TestMakeIsDeterministic(t *testing.T) {
	data := jpegOf(t, gradient(1600, 900))
	a, err := Make("a.jpg", data)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Make("b.jpg", bytes.Clone(data))
	if err != nil {
		t.Fatal(err)
	}
	for i := range a.Variants {
		if !bytes.Equal(a.Variants[i].Data, b.Variants[i].Data) {
			t.Errorf("copy %d wide differs between two runs", a.Variants[i].Width)
		}
	}
}

func TestPNGStaysPNGWithTransparency(t *testing.T) {
	m := image.NewNRGBA(image.Rect(0, 0, 1000, 600))
	for i := range m.Pix {
		if i%4 == 3 {
			m.Pix[i] = 0 // fully transparent
		}
	}
	set, err := Make("logo.png", pngOf(t, m))
	if err != nil {
		t.Fatal(err)
	}
	if set.Format != "png" || len(set.Variants) != 2 {
		t.Fatalf("format %q, %d copies", set.Format, len(set.Variants))
	}
	got, format, err := image.Decode(bytes.NewReader(set.Variants[0].Data))
	if err != nil || format != "png" {
		t.Fatalf("copy is %q: %v", format, err)
	}
	if _, _, _, a := got.At(10, 10).RGBA(); a != 0 {
		t.Errorf("alpha %d, want transparent", a)
	}
	if name := set.FileName("/a/logo.png", 480); name != "/a/logo-480w.png" {
		t.Errorf("FileName = %q", name)
	}
}

func TestFileNameOfJPEG(t *testing.T) {
	s := &Set{Format: "jpeg"}
	if got := s.FileName("anh/bia.JPEG", 960); got != "anh/bia-960w.jpg" {
		t.Errorf("FileName = %q", got)
	}
}

func TestRefusesDecompressionBombs(t *testing.T) {
	// A header claiming 10000×5000 pixels; Make must refuse before decoding.
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 10000, 5000))); err != nil {
		t.Fatal(err)
	}
	for _, f := range []func(string, []byte) (*Set, error){Make, Probe} {
		_, err := f("bomb.png", b.Bytes())
		var tooLarge *TooLargeError
		if !errors.As(err, &tooLarge) || tooLarge.Width != 10000 {
			t.Fatalf("err = %v, want TooLargeError", err)
		}
		if want := "the picture is 10000×5000 pixels (50 megapixels), more than the 40 megapixels Almanac resizes"; err.Error() != want {
			t.Errorf("message %q", err)
		}
	}
}

func TestUnreadable(t *testing.T) {
	good := jpegOf(t, gradient(800, 600))
	for name, data := range map[string][]byte{
		"text.jpg":      []byte("not a picture"),
		"truncated.jpg": good[:len(good)/2],
		"empty.png":     nil,
	} {
		if _, err := Make(name, data); !errors.Is(err, ErrUnreadable) {
			t.Errorf("%s: err = %v, want ErrUnreadable", name, err)
		}
	}
}

func TestGIFMeasuredOnly(t *testing.T) {
	var b bytes.Buffer
	pal := image.NewPaletted(image.Rect(0, 0, 900, 500), []color.Color{color.Black, color.White})
	if err := gif.Encode(&b, pal, nil); err != nil {
		t.Fatal(err)
	}
	set, err := Make("a.gif", b.Bytes())
	if err != nil || set.Width != 900 || set.Height != 500 || len(set.Variants) != 0 {
		t.Errorf("set %+v, err %v", set, err)
	}
}

func TestOtherFilesLeftAlone(t *testing.T) {
	set, err := Make("anh.webp", []byte("RIFF...."))
	if err != nil || set.Format != "" || set.Width != 0 {
		t.Errorf("set %+v, err %v", set, err)
	}
}
