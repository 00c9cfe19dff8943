package markdown

import (
	"flag"
	"html/template"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
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
}

// goldenCases pairs each testdata/<input>.md with the options it is
// rendered with; the output is testdata/<name>.html.
var goldenCases = []goldenCase{
	{"gfm", "gfm", false},
	{"footnotes", "footnotes", false},
	{"headings", "headings", false},
	{"raw-html-omitted", "raw-html", false},
	{"raw-html-kept", "raw-html", true},
	{"javascript", "javascript", false},
	{"javascript-allow-html", "javascript", true},
	{"chart", "chart", false},
}

func TestGolden(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", tc.input+".md"))
			if err != nil {
				t.Fatal(err)
			}
			c := New(Options{AllowHTML: tc.allowHTML, Fences: map[string]FenceFunc{"chart": testChart}})
			res, _ := c.Convert(src) // errors are checked in TestFenceErrors
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
