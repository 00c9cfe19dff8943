package parse

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/almanac-news/almanac/internal/site"
)

// urls lists the URLs of pages.
func urls(pages []*site.Page) []string {
	out := make([]string, len(pages))
	for i, p := range pages {
		out[i] = p.URL
	}
	return out
}

func TestSectionsNestToAnyDepth(t *testing.T) {
	fsys := fstest.MapFS{
		"kinh-te/_index.md":                            file("---\ntitle: Kinh tế\nweight: 1\n---\n"),
		"kinh-te/tong-quan.md":                         file("---\ntitle: Tổng quan\ndate: 2020-12-01\n---\n"),
		"kinh-te/Cong Nghiep/_index.md":                file("---\ntitle: Công nghiệp\nweight: 2\n---\n"),
		"kinh-te/Cong Nghiep/san-xuat.md":              file("---\ntitle: Sản xuất\ndate: 2020-12-03\n---\n"),
		"kinh-te/Cong Nghiep/nang-luong/dien.md":       file("---\ntitle: Điện\ndate: 2020-12-04\n---\n"),
		"kinh-te/Cong Nghiep/nang-luong/xang/index.md": file("---\ntitle: Xăng\ndate: 2020-12-02\n---\n"),
		"kinh-te/Cong Nghiep/nang-luong/xang/bang.csv": file("a,b\n"),
		"kinh-te/thuong-mai/_index.md":                 file("---\ntitle: Thương mại\nweight: 1\n---\n"),
		"kinh-te/thuong-mai/xuat-khau.md":              file("---\ntitle: Xuất khẩu\ndate: 2020-11-30\n---\n"),
		"xa-hoi/giao-duc.md":                           file("---\ntitle: Giáo dục\ndate: 2020-10-01\n---\n"),
	}
	res, problems := Dir(fsys, testOptions())
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	s := res.Site
	var paths []string
	for _, sec := range s.AllSections() {
		paths = append(paths, sec.Path)
	}
	want := []string{"kinh-te", "kinh-te/thuong-mai", "kinh-te/cong-nghiep", "kinh-te/cong-nghiep/nang-luong", "xa-hoi"}
	if !slices.Equal(paths, want) {
		t.Fatalf("sections %q, want %q (depth first, by weight)", paths, want)
	}
	energy := s.AllSections()[3]
	if energy.Page.URL != "/kinh-te/cong-nghiep/nang-luong/" || energy.Page.Title != "nang luong" || energy.Name() != "nang-luong" {
		t.Errorf("implied section: URL %q title %q name %q", energy.Page.URL, energy.Page.Title, energy.Name())
	}
	var trail []string
	for _, sec := range energy.Trail() {
		trail = append(trail, sec.Path)
	}
	if !slices.Equal(trail, []string{"kinh-te", "kinh-te/cong-nghiep", "kinh-te/cong-nghiep/nang-luong"}) {
		t.Errorf("trail %q", trail)
	}
	got := urls(s.Sections[0].Articles)
	wantURLs := []string{"/kinh-te/cong-nghiep/nang-luong/dien/", "/kinh-te/cong-nghiep/san-xuat/",
		"/kinh-te/cong-nghiep/nang-luong/xang/", "/kinh-te/tong-quan/", "/kinh-te/thuong-mai/xuat-khau/"}
	if !slices.Equal(got, wantURLs) {
		t.Errorf("kinh-te lists %q, want its own and its descendants' articles, newest first: %q", got, wantURLs)
	}
	if got := urls(energy.Articles); !slices.Equal(got, wantURLs[0:1:1]) && !slices.Equal(got, []string{wantURLs[0], wantURLs[2]}) {
		t.Errorf("nang-luong lists %q", got)
	}
	xang := energy.Articles[1]
	if xang.Section != "kinh-te/cong-nghiep/nang-luong" || len(xang.Resources) != 1 || xang.Resources[0].URL != "/kinh-te/cong-nghiep/nang-luong/xang/bang.csv" {
		t.Errorf("bundle article: section %q resources %+v", xang.Section, xang.Resources)
	}
	if energy.Parent != s.Sections[0].Sections[1] || s.Sections[0].Parent != nil {
		t.Error("parents are wrong")
	}
}

func TestCascadePassesValuesDown(t *testing.T) {
	fsys := fstest.MapFS{
		"_index.md":     file("---\ntitle: Trang chủ\ncascade:\n  author: Tòa soạn\n---\n"),
		"a/_index.md":   file("---\ntitle: A\ncascade:\n  tags: [Năng lượng]\n  sitemap: {disable: true}\n---\n"),
		"a/x.md":        file("---\ntitle: X\ndate: 2020-01-01\n---\n"),
		"a/own.md":      file("---\ntitle: Own\ndate: 2020-01-02\nauthors: [Thu Hà]\ntags: []\nsitemap: true\n---\n"),
		"a/b/_index.md": file("+++\ntitle = \"B\"\n[cascade]\nauthor = \"Ban B\"\ndraft = true\n+++\n"),
		"a/b/y.md":      file("---\ntitle: Y\ndate: 2020-01-03\n---\n"),
		"a/b/z.md":      file("---\ntitle: Z\ndate: 2020-01-04\ndraft: false\n---\n"),
		"c/w.md":        file("---\ntitle: W\ndate: 2020-01-05\n---\n"),
	}
	res, problems := Dir(fsys, testOptions())
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	by := map[string]*site.Page{}
	for _, p := range slices.Concat(res.Site.Pages, res.Skipped) {
		by[p.Title] = p
	}
	check := func(title, author string, tags int, noSitemap, draft bool) {
		t.Helper()
		p := by[title]
		if p == nil {
			t.Fatalf("no page %q", title)
		}
		if len(p.Authors) != 1 || p.Authors[0] != author || len(p.Tags) != tags || p.NoSitemap != noSitemap || p.Draft != draft {
			t.Errorf("%s: authors %q, %d tags, no sitemap %v, draft %v; want %q, %d, %v, %v", title, p.Authors, len(p.Tags), p.NoSitemap, p.Draft, author, tags, noSitemap, draft)
		}
	}
	check("X", "Tòa soạn", 1, true, false)
	check("Own", "Thu Hà", 0, false, false)
	check("Y", "Ban B", 1, true, true)
	check("Z", "Ban B", 1, true, false)
	check("W", "Tòa soạn", 0, false, false)
	if len(res.Skipped) != 1 || res.Skipped[0].Title != "Y" {
		t.Errorf("skipped %q, want the draft by cascade", urls(res.Skipped))
	}
	if !res.Site.Sections[0].Page.Cascade || res.Site.Sections[1].Page.Cascade {
		t.Error("Cascade marks the section pages that pass values down")
	}
	// The same files without the cascades: another digest for each page a cascade reached.
	plain := fstest.MapFS{}
	for k, v := range fsys {
		plain[k] = v
	}
	plain["_index.md"] = file("---\ntitle: Trang chủ\n---\n")
	again, _ := Dir(plain, testOptions())
	for _, p := range again.Site.Pages {
		if p.Digest == by[p.Title].Digest {
			t.Errorf("%s: digest unchanged by a cascade's edit", p.Title)
		}
	}
}

func TestBuildOptionsListAndRender(t *testing.T) {
	fsys := fstest.MapFS{
		"a/listed.md":         file("---\ntitle: Listed\ndate: 2020-01-01\n---\n"),
		"a/local.md":          file("---\ntitle: Local\ndate: 2020-01-02\nbuild: {list: local}\n---\n"),
		"a/never.md":          file("---\ntitle: Never\ndate: 2020-01-03\n_build: {list: false}\n---\n"),
		"a/headless/index.md": file("---\ntitle: Headless\ndate: 2020-01-04\nheadless: true\n---\n"),
		"a/headless/x.csv":    file("a\n"),
		"a/norender.md":       file("---\ntitle: NoRender\ndate: 2020-01-05\nbuild:\n  render: never\n  publishResources: false\n---\n"),
		"b/_index.md":         file("---\ntitle: B\nbuild: {render: never}\n---\n"),
		"b/in-b.md":           file("---\ntitle: InB\ndate: 2020-01-06\nfeed: false\n---\n"),
	}
	res, problems := Dir(fsys, testOptions())
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	s := res.Site
	if got := urls(s.Pages); !slices.Equal(got, []string{"/b/in-b/", "/a/listed/"}) {
		t.Errorf("listed pages %q", got)
	}
	if got := urls(s.Unlisted); !slices.Equal(got, []string{"/a/never/", "/a/local/"}) {
		t.Errorf("unlisted pages %q", got)
	}
	if got := urls(s.Headless); !slices.Equal(got, []string{"/a/norender/", "/a/headless/"}) {
		t.Errorf("headless pages %q", got)
	}
	a, b := s.Sections[1], s.Sections[0] // "B" sorts before "a"
	if got := urls(a.Articles); !slices.Equal(got, []string{"/a/local/", "/a/listed/"}) {
		t.Errorf("section a lists %q: local, not never nor headless", got)
	}
	if b.Listed() || b.HasFeed() || !a.Listed() || !a.HasFeed() {
		t.Error("a headless section is neither listed nor has a feed")
	}
	if !s.Pages[0].NoFeed || s.Pages[1].NoFeed {
		t.Error("feed: false")
	}
	if len(s.Headless[1].Resources) != 1 {
		t.Error("a headless bundle keeps its files")
	}
}

// Capital letters in a slug or a file name are lowered, as Hugo lowers
// URLs; other characters a URL cannot hold are still errors.
func TestSlugsAreLowered(t *testing.T) {
	fsys := fstest.MapFS{
		"Docs/_index.md":    file("---\ntitle: Docs\n---\n"),
		"Docs/a.md":         file("---\ntitle: A\ndate: 2020-01-01\nslug: hugo_convert_toJSON\n---\n"),
		"Docs/Bao_Cao.md":   file("---\ntitle: B\ndate: 2020-01-02\n---\n"),
		"Docs/Kinh Tế/c.md": file("---\ntitle: C\ndate: 2020-01-03\n---\n"),
	}
	res, problems := Dir(fsys, testOptions())
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	got := urls(res.Site.Pages)
	want := []string{"/docs/kinh-te/c/", "/docs/bao_cao/", "/docs/hugo_convert_tojson/"}
	if !slices.Equal(got, want) {
		t.Errorf("URLs %q, want %q", got, want)
	}
}

func TestHugoParamsJoinTheOtherKeys(t *testing.T) {
	fsys := fstest.MapFS{"s/a.md": file("---\ntitle: A\ndate: 2020-01-01\ncategories: [X]\nparams:\n  nguon: Sở\nlinkTitle: Ngắn\nkeywords: a\n---\n")}
	res, problems := Dir(fsys, testOptions())
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	p := res.Site.Pages[0]
	if p.Params["nguon"] != "Sở" || p.Params["categories"] == nil || p.Params["params"] != nil || p.LinkTitle != "Ngắn" || len(p.Keywords) != 1 {
		t.Errorf("params %v, linkTitle %q, keywords %q", p.Params, p.LinkTitle, p.Keywords)
	}
}

func TestHeadlessPagesNeedNoTitle(t *testing.T) {
	fsys := fstest.MapFS{
		"_index.md":             file("---\ntitle: Trang chủ\n---\n"),
		"_common/_index.md":     file("---\ncascade:\n  build: {render: never, list: never}\n---\n"),
		"_common/doan-trich.md": file("---\n_comment: giữ phần đầu tệp\n---\nMột đoạn dùng chung.\n"),
		"tin/_index.md":         file("---\ntitle: Tin\n---\n"),
		"tin/bai.md":            file("---\n_comment: không tiêu đề\n---\nThân bài.\n"),
	}
	_, problems := Dir(fsys, testOptions())
	var got []string
	for _, p := range problems.Problems() {
		got = append(got, p.Pos.String()+": "+p.Msg)
	}
	want := []string{`content/_common/_index.md:2:1: the section has no title: it is shown as "Common", from its folder's name`,
		"content/tin/bai.md:2:1: the article has no date", "content/tin/bai.md:2:1: the front matter has no title"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant (the headless snippet needs neither title nor date):\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
