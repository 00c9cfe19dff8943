// Package imageset reads the size of a picture and makes the smaller
// copies of it that a page offers browsers through srcset, so that a phone
// does not download a picture made for a wide screen.
//
// JPEG and PNG pictures get copies 480, 960 and 1440 pixels wide (only
// those narrower than the picture), resampled with the Catmull-Rom filter;
// JPEG copies are encoded at quality 82 and keep the original's colour
// profile, PNG copies stay PNG. A JPEG's EXIF orientation is applied to
// the copies and to the size reported, as browsers apply it to the
// original. GIF pictures are only measured: a copy of an animation's first
// frame would show a still picture on small screens. SVG pictures are
// measured from their width, height or viewBox when these are plain
// numbers. Other files are left alone.
//
// The output depends only on the input bytes, so builds are reproducible.
package imageset

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // registers the GIF format with image.DecodeConfig
	"path"
	"strings"
)

// MaxPixels is the largest picture, in pixels, that Make decodes: a
// bigger one would take more memory than a build should, and may be a
// small file made to expand enormously (a "decompression bomb").
const MaxPixels = 40_000_000

// Quality is the JPEG quality of the copies.
const Quality = 82

// Widths returns the widths of the copies Make makes, narrowest first.
func Widths() []int { return []int{480, 960, 1440} }

// ErrUnreadable means a file named as a JPEG, PNG or GIF picture is not
// one that can be decoded.
var ErrUnreadable = errors.New("not a JPEG, PNG or GIF picture that can be decoded")

// TooLargeError refuses a picture of more than MaxPixels pixels.
type TooLargeError struct{ Width, Height int }

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("the picture is %d×%d pixels (%d megapixels), more than the %d megapixels Almanac resizes",
		e.Width, e.Height, (int64(e.Width)*int64(e.Height)+500_000)/1_000_000, MaxPixels/1_000_000)
}

// Set is a picture's size and its smaller copies.
type Set struct {
	Format   string    // "jpeg", "png", "gif" or "svg"; empty for a file of another type
	Width    int       // as displayed, in pixels; zero when unknown
	Height   int       // as displayed, in pixels; zero when unknown
	Variants []Variant // smaller copies, narrowest first; none for SVG, GIF and other types
}

// Variant is one smaller copy of a picture.
type Variant struct {
	Width, Height int
	Data          []byte // encoded in the Set's format
}

// FileName names the copy of width w of the picture at name (a file name
// or URL): "anh/bia.jpeg" gives "anh/bia-480w.jpg".
func (s *Set) FileName(name string, w int) string {
	ext := ".jpg"
	if s.Format == "png" {
		ext = ".png"
	}
	return fmt.Sprintf("%s-%dw%s", strings.TrimSuffix(name, path.Ext(name)), w, ext)
}

// Probe reads a picture's size and checks that Make would accept it,
// without decoding its pixels. The file's extension (.jpg, .jpeg, .png,
// .gif or .svg, in any case) says which pictures are read.
func Probe(name string, data []byte) (*Set, error) {
	set, _, err := probe(name, data)
	return set, err
}

// Make reads a picture's size and makes its smaller copies.
func Make(name string, data []byte) (*Set, error) {
	set, meta, err := probe(name, data)
	if err != nil || (set.Format != "jpeg" && set.Format != "png") || set.Width <= Widths()[0] {
		return set, err
	}
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnreadable, err)
	}
	set.Variants, err = scaleAll(src, set, meta)
	if err != nil {
		return nil, err
	}
	return set, nil
}

// probe measures the picture and, for JPEG, reads its orientation and
// colour profile.
func probe(name string, data []byte) (*Set, jpegMeta, error) {
	meta := jpegMeta{orientation: 1}
	switch strings.ToLower(path.Ext(name)) {
	case ".svg":
		w, h := svgSize(data)
		return &Set{Format: "svg", Width: w, Height: h}, meta, nil
	case ".jpg", ".jpeg", ".png", ".gif":
	default:
		return &Set{}, meta, nil
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, meta, fmt.Errorf("%w: %v", ErrUnreadable, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, meta, fmt.Errorf("%w: it has no pixels", ErrUnreadable)
	}
	if format != "gif" && int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return nil, meta, &TooLargeError{Width: cfg.Width, Height: cfg.Height}
	}
	set := &Set{Format: format, Width: cfg.Width, Height: cfg.Height}
	if format == "jpeg" {
		meta = readJPEGMeta(data)
		if meta.orientation >= 5 { // turned by a quarter: displayed on its side
			set.Width, set.Height = set.Height, set.Width
		}
	}
	return set, meta, nil
}
