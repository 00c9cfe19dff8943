package build

import (
	"bytes"
	"context"
	"html"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// pagesSite extracts testdata/pages.txtar and writes its two PNG pictures:
// the lead picture and a 1200 × 800 body picture.
func pagesSite(t *testing.T) string {
	t.Helper()
	dir := extract(t, "pages.txtar")
	writeFile(t, dir, "content/thi-dua/t1/anh-bia.png", pngPicture(t, 1000, 500))
	writeFile(t, dir, "content/thi-dua/t1/vinh-danh.png", pngPicture(t, 1200, 800))
	return dir
}

func pngPicture(t *testing.T, w, h int) string {
	t.Helper()
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			m.Set(x, y, color.RGBA{uint8(x), uint8(y), 90, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// builtPages builds dir and returns the files it wrote, by slash path.
func builtPages(t *testing.T, dir string) map[string]string {
	t.Helper()
	if _, err := buildSite(dir); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for name, data := range tree(t, filepath.Join(dir, "public")) {
		files[name] = string(data)
	}
	return files
}

var cardTitleLink = regexp.MustCompile(`<h[23] class="card__title"><a href="([^"]+)"`)

// The home page lists each article once: the lead, the latest, then each
// section's block of the articles those leave out.
func TestHomeShowsEachArticleOnce(t *testing.T) {
	files := builtPages(t, pagesSite(t))
	home := files["index.html"]
	_, main, _ := strings.Cut(home, `<main`)
	main, _, _ = strings.Cut(main, `</main>`)
	var listed []string
	for _, m := range cardTitleLink.FindAllStringSubmatch(main, -1) {
		listed = append(listed, m[1])
	}
	want := []string{ // lead and latest (page_size 3), then Công Thương's block, then Thi đua's
		"/bantin/cong-thuong/a1/", "/bantin/thi-dua/t1/", "/bantin/cong-thuong/a2/",
		"/bantin/cong-thuong/a3/", "/bantin/cong-thuong/a4/", "/bantin/thi-dua/t2/",
	}
	if !slices.Equal(listed, want) {
		t.Errorf("the home page lists\n%v\nwant each article once:\n%v", listed, want)
	}
	if n := strings.Count(main, `class="section-block"`); n != 2 {
		t.Errorf("%d section blocks, want 2", n)
	}
}

// A section whose articles are all on the home page's list gets no block.
func TestHomeOmitsSectionBlockWithNothingNew(t *testing.T) {
	dir := pagesSite(t)
	writeFile(t, dir, "almanac.toml", strings.Replace(readFile(t, dir, "almanac.toml"), "page_size = 3", "page_size = 10", 1))
	main := builtPages(t, dir)["index.html"]
	if strings.Contains(main, `class="section-block"`) {
		t.Error("the home page has a section block though its list shows every article")
	}
	if n := len(cardTitleLink.FindAllString(main, -1)); n != 6 {
		t.Errorf("%d cards, want the 6 articles", n)
	}
}

// A date written without a time shows the day alone; a date with one
// keeps it.
func TestDateOnlyDatelineOfBuiltSite(t *testing.T) {
	files := builtPages(t, pagesSite(t))
	a3 := html.UnescapeString(files["cong-thuong/a3/index.html"])
	if !strings.Contains(a3, `<time datetime="2020-12-28T00:00:00+07:00">Thứ Hai, 28/12/2020</time>`) {
		t.Error("a3, dated 2020-12-28, lacks the dateline Thứ Hai, 28/12/2020")
	}
	if strings.Contains(a3, "00:00 (GMT+7)") {
		t.Error("a3 shows a time its date does not have")
	}
	if a2 := html.UnescapeString(files["cong-thuong/a2/index.html"]); !strings.Contains(a2, "Thứ Ba, 29/12/2020, 08:00 (GMT+7)") {
		t.Error("a2 lost the time of its date")
	}
}

// Body links written as site paths follow base_url's path in pages and
// are absolute in feeds; so are relative links and pictures in feeds.
func TestSitePathLinksFollowBaseURL(t *testing.T) {
	files := builtPages(t, pagesSite(t))
	page := files["thi-dua/t1/index.html"]
	for _, want := range []string{
		`<a href="/bantin/cong-thuong/a1/">bài xuất khẩu</a>`,
		`<a href="../../cong-thuong/a3/">bài bán lẻ</a>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	for _, name := range []string{"index.xml", "atom.xml", "thi-dua/index.xml"} {
		feed := html.UnescapeString(files[name])
		for _, want := range []string{
			`<a href="https://example.org/bantin/cong-thuong/a1/">bài xuất khẩu</a>`,
			`<a href="https://example.org/bantin/cong-thuong/a3/">bài bán lẻ</a>`,
			`<img src="https://example.org/bantin/thi-dua/t1/vinh-danh.png"`,
			`srcset="https://example.org/bantin/thi-dua/t1/vinh-danh-480w.png 480w,`,
		} {
			if !strings.Contains(feed, want) {
				t.Errorf("%s lacks %s", name, want)
			}
		}
	}
}

// A body picture with a title, alone in its paragraph, is a figure with
// its caption and credit, sized and with smaller copies as the lead
// picture is; the lead picture's credit ends its caption.
func TestBodyPictureFigureAndLeadCredit(t *testing.T) {
	files := builtPages(t, pagesSite(t))
	page := files["thi-dua/t1/index.html"]
	for _, want := range []string{
		`<figure class="figure figure--body">` + "\n" +
			`<img src="vinh-danh.png" alt="Nghệ nhân nhận bằng khen" width="1200" height="800" ` +
			`srcset="/bantin/thi-dua/t1/vinh-danh-480w.png 480w, /bantin/thi-dua/t1/vinh-danh-960w.png 960w, /bantin/thi-dua/t1/vinh-danh.png 1200w" ` +
			`sizes="(min-width: 48rem) 46rem, 100vw" loading="lazy" decoding="async">` + "\n" +
			`<figcaption class="figure__caption">Lễ vinh danh nghệ nhân. <span class="figure__credit">Ảnh: Thu Hà</span></figcaption>` + "\n</figure>",
		`<figcaption class="figure__caption">Hội nghị tổng kết. <span class="figure__credit">Ảnh: Ban biên tập</span></figcaption>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks\n%s", want)
		}
	}
	for _, name := range []string{"thi-dua/t1/vinh-danh-480w.png", "thi-dua/t1/vinh-danh-960w.png", "thi-dua/t1/anh-bia-480w.png"} {
		if _, ok := files[name]; !ok {
			t.Errorf("public/%s is missing", name)
		}
	}
}

// The preview's incremental builds write the body picture's copies too.
func TestSessionWritesBodyPictureCopies(t *testing.T) {
	dir := pagesSite(t)
	tree, _, _, err := newTestSession(dir).Build(context.Background(), nil, true)
	if err != nil {
		t.Fatal(err)
	}
	compareWithFullBuild(t, dir, tree, "first build")
}

// check reports a site path that leads to no page, at its place; one
// written with base_url's path, which the build would double; and one in
// raw HTML, published as written, outside the site's path.
func TestCheckReportsBrokenSitePaths(t *testing.T) {
	dir := pagesSite(t)
	writeFile(t, dir, "almanac.toml", readFile(t, dir, "almanac.toml")+"allow_html = true\n")
	writeFile(t, dir, "content/thi-dua/t2.md", `---
title: Khen thưởng năm 2020
date: 2020-11-01T09:00:00+07:00
---
Xem [bài cũ](/cong-thuong/khong-co/) và [bài kia](/bantin/cong-thuong/a1/).

<p>Xem <a href="/cong-thuong/a2/">bài nhập khẩu</a>.</p>
`)
	res := checkSite(t, dir, false, false)
	assertProblems(t, res.Problems, []want{
		{"content/thi-dua/t2.md:5:14", false, "link to /cong-thuong/khong-co/ leads to no page or file of the site"},
		{"content/thi-dua/t2.md:5:51", false, "link to /bantin/cong-thuong/a1/ leads to no page or file of the site"},
		{"content/thi-dua/t2.md:7:17", false, "link to /cong-thuong/a2/ is published as written, outside the site's path /bantin/, and would break"},
	})
	for _, p := range res.Problems {
		if strings.Contains(p.Msg, "/bantin/cong-thuong/a1/") && !strings.Contains(p.Hint, "/cong-thuong/a1/: Almanac puts base_url's path /bantin/ before them") {
			t.Errorf("hint %q does not say how to write the path", p.Hint)
		}
	}
}

func readFile(t *testing.T, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
