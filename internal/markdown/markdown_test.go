package markdown

import (
	"errors"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/almanac-news/almanac/internal/site"
)

func TestHeadings(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "headings.md"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := New(Options{}).Convert(src)
	if err != nil {
		t.Fatal(err)
	}
	h := func(level int, id, text string) site.Heading {
		return site.Heading{Level: level, ID: id, Text: text}
	}
	want := []site.Heading{
		h(1, "nganh-cong-thuong-phai-tham-muu", "Ngành Công Thương phải tham mưu"),
		h(2, "ket-qua", "Kết quả"),
		h(2, "ket-qua-1", "Kết quả"),
		h(2, "ket-qua-2", "Kết quả"),
		h(2, "tong-quan-rieng", "Tổng quan"),
		h(2, "tong-quan", "Tổng quan"),
		h(3, "so-lieu", "Số liệu"),
		h(2, "section", "!!!"),
		h(2, "section-1", "???"),
		h(2, "tang-truong-gdp-va-cpi", "Tăng trưởng GDP và CPI"),
		h(2, "trong-trich-dan", "Trong trích dẫn"),
		h(2, "duong-dong-khoi-aero", "Đường Đồng Khởi & Ærø"),
	}
	if !slices.Equal(res.Headings, want) {
		t.Errorf("Headings =\n%v\nwant\n%v", res.Headings, want)
	}
}

func TestHeadingIDsAvoidExplicitIDs(t *testing.T) {
	src := "## Tóm tắt {#ket-qua}\n\n## Kết quả\n\n## Kết quả\n"
	res, _ := New(Options{}).Convert([]byte(src))
	var ids []string
	for _, h := range res.Headings {
		ids = append(ids, h.ID)
	}
	if want := []string{"ket-qua", "ket-qua-1", "ket-qua-2"}; !slices.Equal(ids, want) {
		t.Errorf("IDs = %v, want %v", ids, want)
	}
}

func TestHeadingWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kết quả", "Kết quả"},
		{"Tăng [GDP](https://x.org/a_b) năm", "Tăng [GDP  năm"},
		{"Ghi chú[^1]", "Ghi chú "},
		{"<em>Đậm</em> chữ", " Đậm  chữ"},
		{"Xem <https://x.org>", "Xem <https://x.org>"},
		{"AT&amp;T &#233;", "AT T  "},
		{"a < b > c", "a < b > c"},
		{"[x](unclosed", "[x](unclosed"},
	}
	for _, tt := range tests {
		if got := string(headingWords([]byte(tt.in))); got != tt.want {
			t.Errorf("headingWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSummary(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"first paragraph", "Đoạn một.\n\nĐoạn hai.", "Đoạn một."},
		{"inline markup stripped", "Giá trị *sản xuất* **tăng** ~~giảm~~ [6,8%](https://x.org) `x`.", "Giá trị sản xuất tăng giảm 6,8% x."},
		{"white space collapsed", "Dòng  một\ndòng\t hai  \ndòng ba", "Dòng một dòng hai dòng ba"},
		{"hard line break", "Dòng một\\\ndòng hai", "Dòng một dòng hai"},
		{"escapes and entities", `Giá \*thật\* AT&amp;T &#233; &copy;`, "Giá *thật* AT&T é ©"},
		{"code keeps escapes", "Mã `a\\*b &amp;`", `Mã a\*b &amp;`},
		{"after heading", "# Tiêu đề\n\nNội dung.", "Nội dung."},
		{"skips image-only paragraph", "![ảnh](/a.png)\n\nChú thích.", "Chú thích."},
		{"skips raw HTML", "<span></span>\n\nVăn bản.", "Văn bản."},
		{"raw tags dropped", "Chữ <b>đậm</b>.", "Chữ đậm."},
		{"footnote reference dropped", "Số liệu[^1].\n\n[^1]: Nguồn.", "Số liệu."},
		{"autolink text kept", "Xem <https://gso.gov.vn> nhé", "Xem https://gso.gov.vn nhé"},
		{"top-level only", "- mục\n\n> trích\n\nĐoạn.", "Đoạn."},
		{"none", "# Chỉ tiêu đề\n\n- danh sách", ""},
		{"empty", "", ""},
	}
	c := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := c.Convert([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if res.Summary != tt.want {
				t.Errorf("Summary = %q, want %q", res.Summary, tt.want)
			}
		})
	}
}

func TestFenceErrors(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "chart.md"))
	if err != nil {
		t.Fatal(err)
	}
	c := New(Options{Fences: map[string]FenceFunc{"chart": testChart}})
	res, err := c.Convert(src)
	if res.HTML == "" {
		t.Error("no HTML despite the failing block")
	}
	fes := FenceErrors(err)
	if len(fes) != 1 {
		t.Fatalf("FenceErrors(%v) = %v, want one", err, fes)
	}
	fe := fes[0]
	if fe.Line != 23 || fe.Info != "chart" || !errors.Is(err, errTestChart) {
		t.Errorf("got %+v, want line 23, info chart, wrapping %v", fe, errTestChart)
	}
	if want := "line 23: chart block: chart needs an indicator"; err.Error() != want {
		t.Errorf("err = %q, want %q", err, want)
	}
}

func TestFenceErrorsJoined(t *testing.T) {
	src := "```chart\nfail 1\n```\n\n```chart\nfail 2\n```\n"
	_, err := New(Options{}).ConvertWith([]byte(src), map[string]FenceFunc{"chart": testChart})
	var lines []int
	for _, fe := range FenceErrors(err) {
		lines = append(lines, fe.Line)
	}
	if want := []int{2, 6}; !slices.Equal(lines, want) {
		t.Errorf("error lines = %v, want %v (err: %v)", lines, want, err)
	}
	if FenceErrors(nil) != nil {
		t.Error("FenceErrors(nil) is not nil")
	}
}

func TestConvertWith(t *testing.T) {
	fixed := func(s string) FenceFunc {
		return func([]byte, int) (template.HTML, error) { return template.HTML(s), nil }
	}
	c := New(Options{Fences: map[string]FenceFunc{"chart": fixed("<b>site</b>"), "map": fixed("<i>map</i>")}})
	src := []byte("```chart\n```\n\n```map\n```\n\n```other\nx\n```\n")
	tests := []struct {
		name   string
		fences map[string]FenceFunc
		want   string
	}{
		{"site fences", nil, "<b>site</b>\n<i>map</i>\n<pre><code class=\"language-other\">x\n</code></pre>\n"},
		{"page fence wins", map[string]FenceFunc{"chart": fixed("<b>page</b>")}, "<b>page</b>\n<i>map</i>\n<pre><code class=\"language-other\">x\n</code></pre>\n"},
		{"page-only fence", map[string]FenceFunc{"other": fixed("<u>other</u>\n")}, "<b>site</b>\n<i>map</i>\n<u>other</u>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := c.ConvertWith(src, tt.fences)
			if err != nil {
				t.Fatal(err)
			}
			if string(res.HTML) != tt.want {
				t.Errorf("HTML = %q, want %q", res.HTML, tt.want)
			}
		})
	}
}

func TestNoFencesLeavesCodeBlocks(t *testing.T) {
	res, _ := New(Options{}).Convert([]byte("```chart\nid: x\n```\n"))
	if want := "<pre><code class=\"language-chart\">id: x\n</code></pre>\n"; string(res.HTML) != want {
		t.Errorf("HTML = %q, want %q", res.HTML, want)
	}
}

// TestConcurrent converts pages on many goroutines, each with its own
// fence function, and checks that every result is the sequential one.
// Run with -race.
func TestConcurrent(t *testing.T) {
	c := New(Options{AllowHTML: true})
	page := func(i int) ([]byte, map[string]FenceFunc) {
		src := fmt.Sprintf("# Trang %d\n\n## Kết quả\n\n## Kết quả\n\nĐoạn %d.\n\n```chart\nid: c%d\n```\n", i, i, i)
		fences := map[string]FenceFunc{"chart": func(body []byte, line int) (template.HTML, error) {
			return template.HTML(fmt.Sprintf("<div data-page=%q data-line=\"%d\"></div>", fmt.Sprint(i), line)), nil
		}}
		return []byte(src), fences
	}
	const pages = 64
	want := make([]Result, pages)
	for i := range pages {
		src, fences := page(i)
		want[i], _ = c.ConvertWith(src, fences)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := g; i < pages; i += 8 {
				src, fences := page(i)
				got, err := c.ConvertWith(src, fences)
				if err != nil || got.HTML != want[i].HTML || got.Summary != want[i].Summary ||
					!slices.Equal(got.Headings, want[i].Headings) {
					t.Errorf("page %d: got %+v, %v; want %+v", i, got, err, want[i])
				}
			}
		}()
	}
	wg.Wait()
	if !strings.Contains(string(want[5].HTML), `data-page="5" data-line="10"`) {
		t.Errorf("page 5 chart not rendered by its own fence: %s", want[5].HTML)
	}
}

func TestOddInputDoesNotFail(t *testing.T) {
	inputs := []string{"", "\x00", "#", "```", "```chart", "[^x]", "> ```chart\n", "|a|\n|-|", "<", "\xff\xfe", "# {#}"}
	c := New(Options{Fences: map[string]FenceFunc{"chart": testChart}})
	for _, in := range inputs {
		if _, err := c.Convert([]byte(in)); err != nil {
			t.Errorf("Convert(%q): %v", in, err)
		}
	}
}

// SiteLinks tells the build that a feed conversion would write the body
// differently: it has a site path or a relative link or picture.
func TestSiteLinks(t *testing.T) {
	c := New(Options{BaseURL: "https://example.org/bantin/"})
	tests := []struct {
		src  string
		want bool
	}{
		{"[a](/thi-dua/)", true},
		{"[a](../bai-khac/)", true},
		{"![a](anh.jpg)", true},
		{"[a](https://example.com/) [b](#ghi-chu) [c](mailto:a@example.org) <https://example.com/>", false},
		{"Không có liên kết.", false},
	}
	for _, tt := range tests {
		res, err := c.ConvertPage([]byte(tt.src), Page{URL: "/tin/bai/"})
		if err != nil || res.SiteLinks != tt.want {
			t.Errorf("%q: SiteLinks %v, %v; want %v", tt.src, res.SiteLinks, err, tt.want)
		}
	}
}

// Without a base URL, or with one at the root, site paths stay as written.
func TestSitePathsAtTheRoot(t *testing.T) {
	for _, base := range []string{"", "/", "https://example.org/", "https://example.org"} {
		res, _ := New(Options{BaseURL: base}).Convert([]byte("[a](/thi-dua/bai/)"))
		if want := `<a href="/thi-dua/bai/">`; !strings.Contains(string(res.HTML), want) {
			t.Errorf("base %q: %s, want %s", base, res.HTML, want)
		}
	}
}
