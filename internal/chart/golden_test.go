package chart

import (
	"bytes"
	"encoding/json"
	"flag"
	"github.com/almanac-news/almanac/internal/figure"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/almanac-news/almanac/internal/site"
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
	for kind, ch := range exampleCharts() {
		t.Run(kind, func(t *testing.T) {
			d, problems := FromFigures(exampleFile, ch, exampleFigures())
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

// exampleCSV is the data file of the example export article.
const exampleCSV = "Năm,Xuất khẩu (triệu USD),Nhập khẩu (triệu USD)\n2019,1719,1589\n2020,1456,1246\n"

func exampleCSVChart() site.Chart {
	return site.Chart{ID: "xuat-nhap-khau-2019-2020", Type: figure.ChartColumn,
		Title: "Kim ngạch xuất khẩu và nhập khẩu năm 2019 và năm 2020",
		Data:  "xuat-nhap-khau-2019-2020.csv", Line: 63}
}

// TestCSVOptionGolden draws the example article's CSV file as columns.
func TestCSVOptionGolden(t *testing.T) {
	ch := exampleCSVChart()
	d, problems := FromCSV("content/cong-thuong/xuat-nhap-khau-2020/index.md", ch,
		"content/cong-thuong/xuat-nhap-khau-2020/xuat-nhap-khau-2019-2020.csv", strings.NewReader(exampleCSV))
	if len(problems) > 0 {
		t.Fatalf("FromCSV: %v", problems)
	}
	option, err := Option(ch, d, "en")
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "csv-column.json", marshalOption(t, option))
}
