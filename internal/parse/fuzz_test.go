package parse

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/almanac-news/almanac/internal/figure"
)

// FuzzFrontMatter parses any file as an article: no input may panic, and
// every problem names the file and a line.
func FuzzFrontMatter(f *testing.F) {
	for _, seed := range []string{
		"---\ntitle: A\ndate: 2020-12-30T15:01:15+07:00\ntags: [a, b]\nimage: {src: x.png, alt: y}\n---\nBody\n",
		"+++\ntitle = \"A\"\ndate = 2020-12-30\n[[figures]]\nindicator = \"x\"\nlabel = \"X\"\nperiod = \"2020\"\nvalue = 1\n+++\n",
		"{\n\"title\": \"A\", \"date\": \"2020-12-30\"\n}\n\nBody",
		"---\ntitle: A\ndate: 2020-12-30\nfigures:\n  - indicator: industry-output\n    label: L\n    unit: u\n    period: 2020-Q3\n    value: 68800\n    change: -1.7\n    status: estimate\ncharts:\n  - id: c\n    type: change\n    title: T\n    indicators: [industry-output]\n---\n",
		"\ufeff---\r\ntitle: A\r\ndate: 2020-12-30\r\n---\r\n",
		"---\ntitle: [\n", "", "\xff\xfe", "---\n---\n", "---\n: : :\n---\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		defer deadline(t, 10*time.Second)()
		_, problems := Dir(fstest.MapFS{"s/a.md": {Data: []byte(src)}}, testOptions())
		for _, p := range problems.Problems() {
			if p.Pos.File != "content/s/a.md" || p.Pos.Line < 1 {
				t.Errorf("problem without a position: %v", p)
			}
			if strings.TrimSpace(p.Msg) == "" {
				t.Errorf("problem without a message at %v", p.Pos)
			}
		}
	})
}

// FuzzChartBlock decodes any chart block: no panic, and every problem
// points at a line of the block or after its opening fence.
func FuzzChartBlock(f *testing.F) {
	for _, seed := range []string{
		"id: bien-dong-2020\n",
		"id: x\ntype: column\ntitle: T\nindicators: [a, b]\nperiods: [\"2020\"]\nmeasure: change\n",
		"type: pie\ntitle: T\ndata: a.csv\n", "- a\n- b\n", "id: [\n", "", "type: line\ntitle: </script>\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		defer deadline(t, 10*time.Second)()
		_, problems := figure.DecodeChartBlock("content/s/a.md", []byte(body), 10)
		for _, p := range problems {
			if p.Pos.File != "content/s/a.md" || p.Pos.Line < 9 {
				t.Errorf("problem outside the block: %v", p)
			}
		}
	})
}

// deadline makes an input that takes longer than d crash the fuzzer, so
// that it is kept as a failing input; call the result when done.
func deadline(t *testing.T, d time.Duration) func() {
	done := make(chan struct{})
	go func() {
		select {
		case <-done:
		case <-time.After(d):
			panic("input took longer than " + d.String())
		}
	}()
	return func() { close(done) }
}
