package parse

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/almanac-news/almanac/internal/site"
)

func testOptions() Options {
	loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	return Options{
		Config: site.Config{Title: "T", Author: "Ban biên tập", Location: loc},
		Root:   "content",
		Now:    time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
	}
}

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

func TestDirBuildsSite(t *testing.T) {
	fsys := fstest.MapFS{
		"_index.md":                    file("---\ntitle: Trang chủ\n---\nXin chào.\n"),
		"gioi-thieu.md":                file("---\ntitle: Giới thiệu\n---\nVề chúng tôi.\n"),
		"cong-thuong/_index.md":        file("+++\ntitle = \"Công Thương\"\nweight = 1\n+++\nTin ngành.\n"),
		"cong-thuong/bao-cao/index.md": file("---\ntitle: Báo cáo\ndate: 2020-12-30T15:01:15+07:00\nauthor: [A, B]\ntags: [Công nghiệp, Thương mại]\nimage: {src: anh.svg, alt: Ảnh, caption: Chú thích}\naudio: tin.mp3\nextra: {a: 1}\n---\nThân bài.\n"),
		"cong-thuong/bao-cao/anh.svg":  file("<svg/>"),
		"cong-thuong/bao-cao/tin.mp3":  file("ID3"),
		"cong-thuong/muc-tieu-2021.md": file("{\n\"title\": \"Mục tiêu\",\n\"date\": \"2020-12-31\"\n}\n\nBody\n"),
		"thi-dua/khen-thuong.md":       file("---\ntitle: Khen thưởng\ndate: 2020-12-30 10:00\n---\n"),
		"thi-dua/nhap.md":              file("---\ntitle: Nháp\ndate: 2020-12-30\ndraft: true\n---\n"),
		"thi-dua/.khen-thuong.md.swp":  file("\x00\x01"),
	}
	res, problems := Dir(fsys, testOptions())
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	s := res.Site
	if s.Home.Title != "Trang chủ" || len(s.Sections) != 2 || s.Sections[0].Path != "cong-thuong" {
		t.Fatalf("home %q, sections %v", s.Home.Title, s.Sections)
	}
	if len(res.Skipped) != 1 || res.Skipped[0].Title != "Nháp" {
		t.Errorf("skipped = %v, want the draft", res.Skipped)
	}
	var report *site.Page
	for _, p := range s.Pages {
		if p.Slug == "bao-cao" {
			report = p
		}
	}
	if report == nil {
		t.Fatal("bundle article missing")
	}
	if report.URL != "/cong-thuong/bao-cao/" || report.Image.Src != "/cong-thuong/bao-cao/anh.svg" || report.Audio != "/cong-thuong/bao-cao/tin.mp3" {
		t.Errorf("report URL %q image %+v audio %q", report.URL, report.Image, report.Audio)
	}
	if got := report.Date.Format(time.RFC3339); got != "2020-12-30T15:01:15+07:00" {
		t.Errorf("date = %s", got)
	}
	if strings.Join(report.Authors, ",") != "A,B" || report.Tags[0].Slug != "cong-nghiep" || len(report.Resources) != 2 {
		t.Errorf("authors %v tags %v resources %v", report.Authors, report.Tags, report.Resources)
	}
	if report.BodyLine != 10 || string(report.Body) != "Thân bài.\n" {
		t.Errorf("body line %d %q", report.BodyLine, report.Body)
	}
	if m, ok := report.Params["extra"].(map[string]any); !ok || m["a"] != 1 {
		t.Errorf("params = %#v", report.Params)
	}
	if s.Sections[0].Page.Title != "Công Thương" || s.Sections[1].Page.Title != "thi dua" {
		t.Errorf("section titles %q %q", s.Sections[0].Page.Title, s.Sections[1].Page.Title)
	}
	khen := s.Sections[1].Articles[0]
	if khen.Date.Format(time.RFC3339) != "2020-12-30T10:00:00+07:00" || khen.Authors[0] != "Ban biên tập" {
		t.Errorf("local date %s authors %v", khen.Date, khen.Authors)
	}
}

func TestDirErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files fstest.MapFS
		want  []string
	}{
		{"missing title", fstest.MapFS{"s/a.md": file("---\ndate: 2020-01-01\n---\n")}, []string{"content/s/a.md:2:1: the front matter has no title"}},
		{"missing date", fstest.MapFS{"s/a.md": file("---\ntitle: A\n---\n")}, []string{"content/s/a.md:2:1: the article has no date"}},
		{"bad date", fstest.MapFS{"s/a.md": file("---\ntitle: A\ndate: 30/12/2020\n---\n")}, []string{`content/s/a.md:3:7: date "30/12/2020" is not a date`}},
		{"bad lastmod", fstest.MapFS{"s/a.md": file("---\ntitle: A\ndate: 2020-01-01\nlastmod: [1]\n---\n")}, []string{"content/s/a.md:4:10: lastmod must be a date, not a list"}},
		{"yaml syntax", fstest.MapFS{"s/a.md": file("\n---\ntitle: A\ndate: 2020-01-01\ntags: [a, b\n---\n")}, []string{"content/s/a.md:", "front matter is not valid YAML"}},
		{"yaml flow", fstest.MapFS{"s/a.md": file("---\ntitle: A\ndate: 2020-01-01\ntags: [a, b\n---\n")}, []string{"content/s/a.md:4:1: front matter is not valid YAML: did not find expected ',' or ']'"}},
		{"yaml indent", fstest.MapFS{"s/a.md": file("---\ntitle: A\nimage:\n  src: a\n alt: b\n---\n")}, []string{"content/s/a.md:5:2: front matter is not valid YAML: did not find expected key"}},
		{"yaml indent deep in a list", fstest.MapFS{"s/a.md": file("---\ntitle: A\nfigures:\n  - indicator: x\n    label: X\n  - indicator: y\n    label: Y\n    period: \"2020\"\n     value: 2\n---\n")},
			[]string{"content/s/a.md:9:6: front matter is not valid YAML: did not find expected key"}},
		{"yaml mapping", fstest.MapFS{"s/a.md": file("---\ntitle: A\ndate: a: b\n---\n")}, []string{"content/s/a.md:3:1: front matter is not valid YAML: mapping values"}},
		{"toml syntax", fstest.MapFS{"s/a.md": file("+++\ntitle = \"A\"\ndate = 2020-01-01\ntags = [\n+++\n")}, []string{"content/s/a.md:", "not valid TOML"}},
		{"toml position", fstest.MapFS{"s/a.md": file("+++\ntitle = \"A\"\ndate = \"xx\"\n+++\n")}, []string{`content/s/a.md:3:8: date "xx"`}},
		{"json syntax", fstest.MapFS{"s/a.md": file("{\n\"title\": \"A\",,\n}\n\n")}, []string{"content/s/a.md:2:", "not valid JSON"}},
		{"unclosed", fstest.MapFS{"s/a.md": file("---\ntitle: A\n")}, []string{"content/s/a.md:1:1: the front matter that starts here never closes"}},
		{"no front matter", fstest.MapFS{"s/a.md": file("Just text\n")}, []string{"content/s/a.md:1:1: the file has no front matter"}},
		{"invalid utf8", fstest.MapFS{"s/a.md": file("---\ntitle: A\xff\n---\n")}, []string{"content/s/a.md:2:9: the file is not valid UTF-8"}},
		{"duplicate url", fstest.MapFS{
			"s/a.md": file("---\ntitle: A\ndate: 2020-01-01\n---\n"),
			"s/b.md": file("---\ntitle: B\ndate: 2020-01-01\nslug: a\n---\n"),
		}, []string{"content/s/b.md:1:1: this page and content/s/a.md both make the page /s/a/", "see also content/s/a.md"}},
		{"slug dotdot", fstest.MapFS{"s/a.md": file("---\ntitle: A\ndate: 2020-01-01\nslug: ../../etc\n---\n")}, []string{`content/s/a.md:4:7: slug "../../etc" would not stay`}},
		{"slug separator", fstest.MapFS{"s/a.md": file("---\ntitle: A\ndate: 2020-01-01\nslug: a/b\n---\n")}, []string{`slug "a/b" would not stay`}},
		{"slug absolute", fstest.MapFS{"s/a.md": file("---\ntitle: A\ndate: 2020-01-01\nslug: /etc\n---\n")}, []string{`slug "/etc" would not stay`}},
		{"image escapes", fstest.MapFS{"s/a/index.md": file("---\ntitle: A\ndate: 2020-01-01\nimage: {src: ../../x.png, alt: x}\n---\n")}, []string{`content/s/a/index.md:4:14: image src "../../x.png" points outside`}},
		{"image missing", fstest.MapFS{"s/a/index.md": file("---\ntitle: A\ndate: 2020-01-01\nimage: {src: x.png, alt: x}\n---\n")}, []string{`image src file "x.png" is not in the page's folder`}},
		{"image no alt", fstest.MapFS{"s/a/index.md": file("---\ntitle: A\ndate: 2020-01-01\nimage: {src: https://e.org/x.png}\n---\n"), "s/a/x.png": file("")}, []string{"image has no alt text"}},
		{"wrong type", fstest.MapFS{"s/a.md": file("---\ntitle: [A]\ndate: 2020-01-01\ndraft: maybe\nweight: x\n---\n")}, []string{"content/s/a.md:2:8: title must be text, not a list", "4:8: draft must be true or false", "5:9: weight must be a whole number"}},
		{"tags number", fstest.MapFS{"s/a.md": file("---\ntitle: A\ndate: 2020-01-01\ntags: 5\n---\n")}, []string{"content/s/a.md:4:7: tags must be a list, not a number"}},
		{"audio type", fstest.MapFS{"s/a/index.md": file("---\ntitle: A\ndate: 2020-01-01\naudio: x.exe\n---\n"), "s/a/x.exe": file("")}, []string{`content/s/a/index.md:4:8: audio "x.exe" is not a sound file`}},
		{"index.html in a bundle", fstest.MapFS{"s/a/index.md": file("---\ntitle: A\ndate: 2020-01-01\n---\n"), "s/a/index.html": file("<p>x</p>")}, []string{"content/s/a/index.html: this file would take the place of the page"}},
		{"cascade on an article", fstest.MapFS{"s/a.md": file("---\ntitle: A\ndate: 2020-01-01\ncascade: {draft: true}\n---\n")}, []string{"content/s/a.md:4:10: cascade passes values down to the pages below a section"}},
		{"cascade of a title", fstest.MapFS{"s/_index.md": file("---\ntitle: S\ncascade:\n  title: X\n---\n")}, []string{`content/s/_index.md:4:3: cascade cannot pass down "title"`}},
		{"cascade bad value", fstest.MapFS{"s/_index.md": file("---\ntitle: S\ncascade:\n  draft: maybe\n---\n")}, []string{"content/s/_index.md:4:10: draft must be true or false"}},
		{"cascade list", fstest.MapFS{"_index.md": file("---\ntitle: S\ncascade: [1]\n---\n")}, []string{"content/_index.md:3:10: cascade must be a set of keys, not a list"}},
		{"build list", fstest.MapFS{"s/a.md": file("---\ntitle: A\ndate: 2020-01-01\nbuild: {list: sometimes}\n---\n")}, []string{"content/s/a.md:4:15: list must be always, local or never"}},
		{"build key", fstest.MapFS{"s/a.md": file("---\ntitle: A\ndate: 2020-01-01\n_build:\n  lists: never\n---\n")}, []string{`content/s/a.md:5:3: _build has no key "lists"`}},
		{"build render", fstest.MapFS{"s/a.md": file("---\ntitle: A\ndate: 2020-01-01\nbuild: {render: later}\n---\n")}, []string{"content/s/a.md:4:17: render must be always or never"}},
		{"url dotdot", fstest.MapFS{"s/a.md": file("---\ntitle: A\ndate: 2020-01-01\nurl: /../etc/\n---\n")}, []string{`content/s/a.md:4:6: url "/../etc/" is not a path of the site`}},
		{"alias space", fstest.MapFS{"s/a.md": file("---\ntitle: A\ndate: 2020-01-01\naliases: [/a b/]\n---\n")}, []string{`content/s/a.md:4:11: aliases "/a b/" is not a path of the site`}},
		{"params list", fstest.MapFS{"s/a.md": file("---\ntitle: A\ndate: 2020-01-01\nparams: [1]\n---\n")}, []string{"content/s/a.md:4:9: params must be a set of keys, not a list"}},
		{"comment only", fstest.MapFS{"s/a.md": file("---\n# chỉ có chú thích\n---\nThân bài.\n")}, []string{"content/s/a.md:1:1: the front matter holds no keys; add title: \"…\" and, for an article, date: 2020-12-30"}},
		{"empty yaml", fstest.MapFS{"s/a.md": file("---\n---\n")}, []string{"content/s/a.md:1:1: the front matter holds no keys"}},
		{"long slug", fstest.MapFS{"s/a.md": file("---\ntitle: A\ndate: 2020-01-01\nslug: " + strings.Repeat("a", 256) + "\n---\n")}, []string{"content/s/a.md:4:7: slug is 256 bytes long, more than the 255 a file name may hold"}},
		{"long url", fstest.MapFS{"s/a.md": file("---\ntitle: A\ndate: 2020-01-01\nurl: /x/" + strings.Repeat("b", 300) + "/\n---\n")}, []string{"content/s/a.md:4:6: url has a folder of 300 bytes, more than the 255 a file name may hold"}},
		{"corrections map", fstest.MapFS{"s/a.md": file("---\ntitle: A\ndate: 2020-01-01\ncorrections: {date: 2021-01-01}\n---\n")}, []string{"content/s/a.md:4:14: corrections must be a list, not a set of keys"}},
		{"correction no text", fstest.MapFS{"s/a.md": file("---\ntitle: A\ndate: 2020-01-01\ncorrections:\n  - date: 2021-01-01\n---\n")}, []string{"content/s/a.md:5:5: a correction needs a date and a text"}},
		{"correction key", fstest.MapFS{"s/a.md": file("---\ntitle: A\ndate: 2020-01-01\ncorrections:\n  - {date: 2021-01-01, text: x, by: y}\n---\n")}, []string{`content/s/a.md:5:33: a correction has no key "by"`}},
		{"correction date", fstest.MapFS{"s/a.md": file("---\ntitle: A\ndate: 2020-01-01\ncorrections:\n  - {date: hôm qua, text: x}\n---\n")}, []string{`content/s/a.md:5:12: date "hôm qua" is not a date`}},
		{"build scalar", fstest.MapFS{"s/a.md": file("---\ntitle: A\ndate: 2020-01-01\nbuild: never\n---\n")}, []string{"content/s/a.md:4:8: build must be a set of keys"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, problems := Dir(tc.files, testOptions())
			err := problems.Err()
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error\n%s\ndoes not contain %q", err, w)
				}
			}
		})
	}
}

func TestDirReportsAllErrors(t *testing.T) {
	fsys := fstest.MapFS{
		"s/a.md": file("---\ndate: 2020-01-01\n---\n"),
		"s/b.md": file("---\ntitle: B\n---\n"),
		"s/c.md": file("---\ntitle: C\ndate: nope\n---\n"),
	}
	_, problems := Dir(fsys, testOptions())
	if n := len(problems.Errors()); n != 3 {
		t.Fatalf("got %d errors, want 3: %v", n, problems.Err())
	}
}

func TestFutureArticlesLeftOut(t *testing.T) {
	fsys := fstest.MapFS{"s/a.md": file("---\ntitle: A\ndate: 2030-01-01\n---\n")}
	res, _ := Dir(fsys, testOptions())
	if len(res.Site.Pages) != 0 || len(res.Skipped) != 1 {
		t.Fatalf("future article kept: %v", res.Site.Pages)
	}
	opts := testOptions()
	opts.Future = true
	res, _ = Dir(fsys, opts)
	if len(res.Site.Pages) != 1 {
		t.Fatal("--future did not keep it")
	}
}

func TestMissingContentFolder(t *testing.T) {
	content, err := fs.Sub(fstest.MapFS{"almanac.toml": file("")}, "content")
	if err != nil {
		t.Fatal(err)
	}
	_, problems := Dir(content, testOptions())
	if err := problems.Err(); err == nil || !strings.Contains(err.Error(), "content: the site has no content folder; create content/") {
		t.Errorf("err = %v", err)
	}
}
