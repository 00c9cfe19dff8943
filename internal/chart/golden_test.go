package chart

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/almanac-news/almanac/internal/figure"
	"github.com/almanac-news/almanac/internal/figure/figuretest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// checkGolden compares got with testdata/golden/name, or rewrites the file
// with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test -update and review the diff):\n%s", name, got)
	}
}

func marshalOption(t *testing.T, option any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(option); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestOptionGolden builds one option of every chart type from the example
// article's figures and compares it with testdata/golden/<type>.json.
func TestOptionGolden(t *testing.T) {
	for kind, ch := range figuretest.ExampleCharts() {
		t.Run(kind, func(t *testing.T) {
			d, problems := figure.ChartFromFigures(figuretest.ExampleFile, ch, figuretest.ExampleFigures())
			if len(problems) > 0 {
				t.Fatalf("FromFigures: %v", problems)
			}
			option, err := Option(ch, d, "vi")
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, kind+".json", marshalOption(t, option))
		})
	}
}

// TestCSVOptionGolden draws the example article's CSV file as columns.
func TestCSVOptionGolden(t *testing.T) {
	ch := figuretest.ExampleCSVChart()
	d, problems := figure.ChartFromCSV("content/cong-thuong/xuat-nhap-khau-2020/index.md", ch,
		"content/cong-thuong/xuat-nhap-khau-2020/xuat-nhap-khau-2019-2020.csv", strings.NewReader(figuretest.ExampleCSV))
	if len(problems) > 0 {
		t.Fatalf("FromCSV: %v", problems)
	}
	option, err := Option(ch, d, "en")
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "csv-column.json", marshalOption(t, option))
}
