package markdown

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"

	"github.com/almanac-news/almanac/internal/contrast"
)

// The theme's assets/css/highlight.css colours the classes the formatter
// writes. Its token rules are made from two of chroma's styles, built for
// contrast (the Modus themes aim at WCAG AAA, 7:1, on white and black);
// TestHighlightCSS writes them between markers, with -update, and checks
// every colour on the theme's own backgrounds for WCAG AA (4.5:1).
const (
	highlightCSS  = "../../assets/css/highlight.css"
	themeCSS      = "../../assets/css/main.css"
	lightStyle    = "modus-operandi"
	darkStyle     = "modus-vivendi"
	minContrast   = 4.5
	generatedNote = "generated from chroma's %s style by go test ./internal/markdown -run HighlightCSS -update"
)

// metaTypes are chroma's types for the wrappers and line numbers the
// formatter writes around tokens; highlight.go writes none of them.
var metaTypes = []chroma.TokenType{chroma.Background, chroma.PreWrapper, chroma.Line, chroma.LineNumbers,
	chroma.LineNumbersTable, chroma.LineHighlight, chroma.LineTable, chroma.LineTableTD, chroma.LineLink, chroma.CodeLine}

func TestHighlightCSS(t *testing.T) {
	theme, err := os.ReadFile(themeCSS)
	if err != nil {
		t.Fatal(err)
	}
	backgrounds := themeBackgrounds(t, string(theme)) // light, then dark
	css, err := os.ReadFile(highlightCSS)
	if err != nil {
		t.Fatal(err)
	}
	got := string(css)
	for i, name := range []string{lightStyle, darkStyle} {
		indent := strings.Repeat("  ", i) // the dark rules are in a @media block
		rules, worst := styleRules(t, name, indent, backgrounds[i])
		got = replaceGenerated(t, got, name, indent, worst+rules)
	}
	if *update {
		if err := os.WriteFile(highlightCSS, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got != string(css) {
		t.Errorf("%s is not what chroma's styles give (run go test ./internal/markdown -run HighlightCSS -update)\n--- want:\n%s", highlightCSS, got)
	}
}

// styleRules returns the CSS rules of chroma's style name for the token
// classes, one rule for the classes of each look, and a comment with
// the lowest contrast of its colours on backgrounds, which fails the
// test when under minContrast.
func styleRules(t *testing.T, name, indent string, backgrounds []string) (rules, worst string) {
	t.Helper()
	style, ok := styles.Registry[name]
	if !ok {
		t.Fatalf("chroma has no style %q", name)
	}
	bg := style.Get(chroma.Background)
	var looks []string
	classes := map[string][]string{}
	types := make([]chroma.TokenType, 0, len(chroma.StandardTypes))
	for tt := range chroma.StandardTypes {
		types = append(types, tt)
	}
	slices.Sort(types)
	lowest, lowestPair := math.Inf(1), ""
	for _, tt := range types {
		class := chroma.StandardTypes[tt]
		if class == "" || slices.Contains(metaTypes, tt) {
			continue
		}
		entry := style.Get(tt).Sub(bg) // what differs from the text around
		if entry.Background.IsSet() {
			t.Errorf("%s gives %s a background: check its contrast by hand", name, tt)
		}
		look := chromahtml.StyleEntryToCSS(entry)
		if look == "" {
			continue
		}
		if entry.Colour.IsSet() {
			for _, back := range backgrounds {
				ratio := contrast.Ratio(entry.Colour.String(), back)
				if ratio < minContrast {
					t.Errorf("%s: %s %s on %s has contrast %.2f, under %.1f", name, tt, entry.Colour, back, ratio, minContrast)
				}
				if ratio < lowest {
					lowest, lowestPair = ratio, fmt.Sprintf("%s (%s) on %s", entry.Colour, tt, back)
				}
			}
		}
		if classes[look] == nil {
			looks = append(looks, look)
		}
		classes[look] = append(classes[look], ".chroma ."+class)
	}
	var b strings.Builder
	for _, look := range looks {
		fmt.Fprintf(&b, "%s%s {\n%s  %s;\n%s}\n", indent, strings.Join(classes[look], ",\n"+indent), indent,
			strings.ReplaceAll(look, "; ", ";\n  "+indent), indent)
	}
	return b.String(), fmt.Sprintf("%s/* Lowest contrast: %.1f:1, %s. */\n", indent, math.Floor(lowest*10)/10, lowestPair)
}

// replaceGenerated puts rules between the markers of style name in css.
func replaceGenerated(t *testing.T, css, name, indent, rules string) string {
	t.Helper()
	begin := indent + "/* BEGIN " + fmt.Sprintf(generatedNote, name) + " */\n"
	end := indent + "/* END " + name + " */\n"
	i, j := strings.Index(css, begin), strings.Index(css, end)
	if i < 0 || j < i {
		t.Fatalf("%s lacks the lines\n%s…\n%s", highlightCSS, begin, end)
	}
	return css[:i+len(begin)] + rules + css[j:]
}

// themeBackgrounds returns the page and code backgrounds of the theme,
// --bg and --surface, in its light scheme and in its dark one.
func themeBackgrounds(t *testing.T, css string) [2][]string {
	t.Helper()
	var out [2][]string
	for _, name := range []string{"--bg", "--surface"} {
		found := regexp.MustCompile(`(?m)^\s*`+name+`:\s*(#[0-9a-fA-F]{6});`).FindAllStringSubmatch(css, -1)
		if len(found) < 2 {
			t.Fatalf("%s: %d values of %s, want a light and a dark one", themeCSS, len(found), name)
		}
		out[0], out[1] = append(out[0], found[0][1]), append(out[1], found[1][1])
	}
	return out
}

func TestContrast(t *testing.T) {
	// The ratios main.css gives for its own colours.
	for _, tt := range []struct {
		a, b string
		want float64
	}{{"#1a1a1a", "#ffffff", 17.4}, {"#595959", "#ffffff", 7.0}, {"#a3a3a3", "#121212", 7.4}, {"#000000", "#ffffff", 21}} {
		if got := contrast.Ratio(tt.a, tt.b); math.Abs(got-tt.want) > 0.05 {
			t.Errorf("contrast.Ratio(%s, %s) = %.2f, want %.1f", tt.a, tt.b, got, tt.want)
		}
	}
}

// Every class the formatter can write for a token has a rule or is meant
// to look like the text around it; none is misspelt in highlight.css.
func TestHighlightCSSClasses(t *testing.T) {
	css, err := os.ReadFile(filepath.Clean(highlightCSS))
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, class := range chroma.StandardTypes {
		known[class] = true
	}
	for _, m := range regexp.MustCompile(`\.chroma \.([a-z0-9]+)`).FindAllStringSubmatch(string(css), -1) {
		if !known[m[1]] {
			t.Errorf("highlight.css styles .%s, which chroma never writes", m[1])
		}
	}
	if !strings.Contains(string(css), ".chroma .k,") || !strings.Contains(string(css), "@media (prefers-color-scheme: dark)") {
		t.Error("highlight.css lacks the keyword rule or the dark scheme")
	}
}
