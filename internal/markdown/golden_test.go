package markdown

import (
	"flag"
	"html/template"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/almanac-news/almanac/internal/site"
)

var update = flag.Bool("update", false, "rewrite testdata/*.html golden files with the current output")

// chartTemplate renders a chart block in the tests the way the charts
// feature will: through html/template, with the block's line.
var chartTemplate = template.Must(template.New("chart").Parse(
	`<figure class="chart" data-line="{{.Line}}"><pre>{{.Body}}</pre></figure>`))

// testChart is a FenceFunc that fails on blocks containing "fail".
func testChart(body []byte, line int) (template.HTML, error) {
	if strings.Contains(string(body), "fail") {
		return "", errTestChart
	}
	var b strings.Builder
	err := chartTemplate.Execute(&b, struct {
		Line int
		Body string
	}{line, string(body)})
	return template.HTML(b.String()), err
}

type testError string

func (e testError) Error() string { return string(e) }

const errTestChart = testError("chart needs an indicator")

type goldenCase struct {
	name, input string
	allowHTML   bool
	baseURL     string
	page        Page // for the call; Fences default to the test chart
}

// testPicture knows two pictures of the page, as the build would: one
// with smaller copies, one measured only.
func testPicture(dest string) (Picture, bool) {
	switch dest {
	case "vinh-danh.jpg":
		return Picture{Width: 1600, Height: 900, Srcset: []site.ImageVariant{
			{URL: "/thi-dua/vinh-danh/vinh-danh-480w.jpg", Width: 480},
			{URL: "/thi-dua/vinh-danh/vinh-danh-960w.jpg", Width: 960},
			{URL: "/thi-dua/vinh-danh/vinh-danh.jpg", Width: 1600}}}, true
	case "bieu-do.svg":
		return Picture{Width: 800, Height: 450}, true
	}
	return Picture{}, false
}

// sitePage is the page the link and figure cases are converted for.
var sitePage = Page{URL: "/thi-dua/vinh-danh/", Picture: testPicture}

// goldenCases pairs each testdata/<input>.md with the options it is
// rendered with; the output is testdata/<name>.html.
var goldenCases = []goldenCase{
	{name: "gfm", input: "gfm", allowHTML: false},
	{name: "footnotes", input: "footnotes", allowHTML: false},
	{name: "headings", input: "headings", allowHTML: false},
	{name: "raw-html-omitted", input: "raw-html", allowHTML: false},
	{name: "raw-html-kept", input: "raw-html", allowHTML: true},
	{name: "javascript", input: "javascript", allowHTML: false},
	{name: "javascript-allow-html", input: "javascript", allowHTML: true},
	{name: "chart", input: "chart", allowHTML: false},
	{name: "code", input: "code", allowHTML: false},
	{name: "code-allow-html", input: "code", allowHTML: true},
	{name: "figures", input: "figures", allowHTML: false, baseURL: "https://example.org/", page: sitePage},
	{name: "figures-base-path", input: "figures", allowHTML: false, baseURL: "https://example.org/bantin/", page: sitePage},
	{name: "links", input: "links", allowHTML: true, baseURL: "https://example.org/", page: sitePage},
	{name: "links-base-path", input: "links", allowHTML: true, baseURL: "https://example.org/bantin/", page: sitePage},
	{name: "links-feed", input: "links", allowHTML: true, baseURL: "https://example.org/bantin/", page: feedPage},
}

// feedPage is sitePage converted for a feed.
var feedPage = Page{URL: sitePage.URL, Picture: testPicture, Feed: true}

func TestGolden(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", tc.input+".md"))
			if err != nil {
				t.Fatal(err)
			}
			c := New(Options{AllowHTML: tc.allowHTML, BaseURL: tc.baseURL, Fences: map[string]FenceFunc{"chart": testChart}})
			res, _ := c.ConvertPage(src, tc.page) // errors are checked in TestFenceErrors
			checkGolden(t, filepath.Join("testdata", tc.name+".html"), string(res.HTML))
		})
	}
}

// TestGoldenInputsUsed makes sure no testdata input is forgotten.
func TestGoldenInputsUsed(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".md")
		if !slices.ContainsFunc(goldenCases, func(c goldenCase) bool { return c.input == name }) {
			t.Errorf("%s is in no golden case", in)
		}
	}
}

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the output (run go test -update to accept it)\n--- got:\n%s\n--- want:\n%s", path, got, want)
	}
}
