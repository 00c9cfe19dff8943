package markdown

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// nested is a list n levels deep, written with indentation, after a
// first line of text.
func nested(n int) string {
	var b strings.Builder
	b.WriteString("Mở đầu.\n\n")
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + "- mục\n")
	}
	return b.String()
}

func TestDeepNestingIsRefusedQuickly(t *testing.T) {
	conv := New(Options{})
	for _, tc := range []struct {
		name, src string
		line      int
	}{
		{"indented list", nested(2000), 3 + MaxDepth},
		{"markers on one line", "a\n\n" + strings.Repeat("- ", 150) + "x\n", 3},
		{"quotes", strings.Repeat(">", 101) + " x\n", 1},
		{"ordered", strings.Repeat("1. ", 120) + "x\n", 1},
	} {
		start := time.Now()
		_, err := conv.Convert([]byte(tc.src))
		var deep *DepthError
		if !errors.As(err, &deep) || deep.Line != tc.line {
			t.Errorf("%s: err = %v, want a DepthError at line %d", tc.name, err, tc.line)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("%s: took %v", tc.name, d)
		}
	}
}

func TestOrdinaryNestingIsConverted(t *testing.T) {
	conv := New(Options{})
	code := "```\n" + strings.Repeat(" ", 400) + "x\n```\n"
	for _, src := range []string{nested(20), code, strings.Repeat(">", 30) + " x\n", "1234567890. not a list\n"} {
		if _, err := conv.Convert([]byte(src)); err != nil {
			t.Errorf("%q: %v", src[:min(len(src), 40)], err)
		}
	}
}
