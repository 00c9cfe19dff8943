package build

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/almanac-news/almanac"
)

// jpegPicture encodes a w×h JPEG whose colours vary across it.
func jpegPicture(t *testing.T, w, h int) string {
	t.Helper()
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			m.SetRGBA(x, y, color.RGBA{R: uint8(x), G: uint8(y), B: 120, A: 255})
		}
	}
	var b bytes.Buffer
	must(t, jpeg.Encode(&b, m, &jpeg.Options{Quality: 85}))
	return b.String()
}

// photoArticle is a bundle whose lead picture is anh.jpg; the newest
// article of the basic site, so the home page's lead story.
const photoArticle = `---
title: Ảnh lớn
date: 2020-12-31T10:00:00+07:00
image:
  src: anh.jpg
  alt: Cảng biển
---
Nội dung.
`

func TestBuildResizesLeadImages(t *testing.T) {
	dir := extract(t, "basic.txtar")
	writeFile(t, dir, "content/cong-thuong/anh-lon/index.md", photoArticle)
	writeFile(t, dir, "content/cong-thuong/anh-lon/anh.jpg", jpegPicture(t, 2000, 1125))
	if _, err := buildSite(dir); err != nil {
		t.Fatal(err)
	}
	files := tree(t, filepath.Join(dir, "public"))
	for w, h := range map[int]int{480: 270, 960: 540, 1440: 810} {
		name := fmt.Sprintf("cong-thuong/anh-lon/anh-%dw.jpg", w)
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(files[name]))
		if err != nil || cfg.Width != w || cfg.Height != h {
			t.Errorf("%s: %d×%d (%v), want %d×%d", name, cfg.Width, cfg.Height, err, w, h)
		}
	}
	const srcset = `srcset="/cong-thuong/anh-lon/anh-480w.jpg 480w, /cong-thuong/anh-lon/anh-960w.jpg 960w, ` +
		`/cong-thuong/anh-lon/anh-1440w.jpg 1440w, /cong-thuong/anh-lon/anh.jpg 2000w"`
	article := string(files["cong-thuong/anh-lon/index.html"])
	for _, want := range []string{srcset, `sizes="(min-width: 48rem) 46rem, 100vw"`, `width="2000" height="1125" decoding="async"`} {
		if !strings.Contains(article, want) {
			t.Errorf("article lacks %s", want)
		}
	}
	section := string(files["cong-thuong/index.html"])
	if !strings.Contains(section, srcset+` sizes="(min-width: 40rem) 20rem, 100vw" alt="" width="2000" height="1125"`) {
		t.Errorf("section card lacks the srcset:\n%s", section)
	}
	if home := string(files["index.html"]); !strings.Contains(home, srcset+` sizes="(min-width: 48rem) 40rem, 100vw"`) {
		t.Errorf("home page's lead card lacks the srcset:\n%s", home)
	}
	svg := string(files["cong-thuong/tong-ket-2020/index.html"])
	if !strings.Contains(svg, `anh-bia.svg" alt="Minh hoạ nhà máy" width="10" height="10"`) || strings.Contains(svg, "anh-bia-") {
		t.Errorf("the SVG picture should be measured from its viewBox and have no srcset:\n%s", svg)
	}
}

func TestBuildRefusesBadLeadImages(t *testing.T) {
	for _, tc := range []struct{ name, data, want string }{
		{"not a picture", "oops, not a picture", `content/cong-thuong/anh-lon/index.md:4:1: image file "anh.jpg" cannot be read as an image: not a JPEG, PNG or GIF picture`},
		{"truncated", jpegPicture(t, 1000, 600)[:900], `image file "anh.jpg" cannot be read as an image`},
		{"bomb", bombJPEGHeader(9000, 6000), `content/cong-thuong/anh-lon/index.md:4:1: image file "anh.jpg" is too large to resize: the picture is 9000×6000 pixels (54 megapixels)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := extract(t, "basic.txtar")
			writeFile(t, dir, "content/cong-thuong/anh-lon/index.md", photoArticle)
			writeFile(t, dir, "content/cong-thuong/anh-lon/anh.jpg", tc.data)
			if _, err := buildSite(dir); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("build: err = %v, want %q", err, tc.want)
			}
			_, _, _, err := newTestSession(dir).Build(context.Background(), nil, true)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("session: err = %v, want %q", err, tc.want)
			}
			if tc.name == "truncated" {
				return // Check reads headers only
			}
			res, err := Check(context.Background(), Options{Site: os.DirFS(dir), Theme: almanac.Theme(), Now: buildTime})
			if err != nil || len(res.Errors()) != 1 || !strings.Contains(res.Errors()[0].Error(), tc.want) {
				t.Errorf("check: %v, %v", res.Errors(), err)
			}
		})
	}
}

// bombJPEGHeader is the start of a JPEG that claims w×h pixels.
func bombJPEGHeader(w, h int) string {
	sof := []byte{0xFF, 0xD8, 0xFF, 0xC0, 0, 11, 8, byte(h >> 8), byte(h), byte(w >> 8), byte(w), 1, 1, 0x11, 0, 0xFF, 0xDA, 0, 2}
	return string(sof) // ends at the start of scan: DecodeConfig reads no further
}

func TestSessionDoesNotResizeAgain(t *testing.T) {
	dir := extract(t, "basic.txtar")
	writeFile(t, dir, "content/cong-thuong/anh-lon/index.md", photoArticle)
	writeFile(t, dir, "content/cong-thuong/anh-lon/anh.jpg", jpegPicture(t, 1200, 800))
	s := newTestSession(dir)
	_, _, _, err := s.Build(context.Background(), nil, true)
	must(t, err)
	cached := len(s.images.sets) // the JPEG and the SVG of the basic site
	name := "content/cong-thuong/anh-lon/index.md"
	copy1 := s.entries["cong-thuong/anh-lon/index.md"].image.files
	rewrite(t, dir, name, func(s string) string { return strings.Replace(s, "Ảnh lớn", "Ảnh lớn hơn", 1) })
	second, change, _, err := s.Build(context.Background(), []string{name}, false)
	must(t, err)
	copy2 := s.entries["cong-thuong/anh-lon/index.md"].image.files
	if len(copy1) == 0 || len(copy2) != len(copy1) || &copy1[0].data[0] != &copy2[0].data[0] {
		t.Error("the picture was resized again after an edit of its page's text")
	}
	if !strings.Contains(strings.Join(change.Paths, " "), "cong-thuong/anh-lon/index.html") {
		t.Errorf("changed %v", change.Paths)
	}
	if len(s.images.sets) != cached || cached != 2 {
		t.Errorf("cache holds %d pictures, then %d; want 2", cached, len(s.images.sets))
	}
	compareWithFullBuild(t, dir, second, "after the edit")
	picture := "content/cong-thuong/anh-lon/anh.jpg"
	writeFile(t, dir, picture, jpegPicture(t, 1000, 500))
	third, _, _, err := s.Build(context.Background(), []string{picture}, false)
	must(t, err)
	if len(s.images.sets) != 2 {
		t.Errorf("cache holds %d pictures after a replacement, want 2: the old one forgotten", len(s.images.sets))
	}
	compareWithFullBuild(t, dir, third, "after the new picture")
}

func TestSrcsetOfAwkwardFileName(t *testing.T) {
	dir := extract(t, "basic.txtar")
	writeFile(t, dir, "content/cong-thuong/anh-ten/index.md", strings.Replace(photoArticle, "src: anh.jpg", `src: "ảnh bìa, 1.jpg"`, 1))
	writeFile(t, dir, "content/cong-thuong/anh-ten/ảnh bìa, 1.jpg", jpegPicture(t, 600, 400))
	if _, err := buildSite(dir); err != nil {
		t.Fatal(err)
	}
	files := tree(t, filepath.Join(dir, "public"))
	if _, ok := files["cong-thuong/anh-ten/ảnh bìa, 1-480w.jpg"]; !ok {
		t.Error("the 480 px copy is missing")
	}
	want := `srcset="/cong-thuong/anh-ten/%E1%BA%A3nh%20b%C3%ACa%2C%201-480w.jpg 480w, /cong-thuong/anh-ten/%E1%BA%A3nh%20b%C3%ACa%2C%201.jpg 600w"`
	if article := string(files["cong-thuong/anh-ten/index.html"]); !strings.Contains(article, want) {
		t.Errorf("article lacks %s", want)
	}
}
