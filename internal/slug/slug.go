// Package slug turns titles, headings and tags into URL-safe slugs.
//
// Slugs are ASCII, lowercase and readable: Vietnamese and other Latin
// letters lose their diacritics ("Công Thương" becomes "cong-thuong"), and
// every run of other characters becomes a single hyphen.
//
// Both functions are safe for concurrent use.
package slug

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// stripMarks decomposes letters (NFD) and drops the combining marks that
// carry their diacritics. A transform.Chain keeps state and buffers, so
// each goroutine takes its own chain from the pool.
var stripMarks = sync.Pool{
	New: func() any {
		return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)))
	},
}

// undecomposed spells in ASCII the Latin letters that carry no combining
// mark under NFD and so survive stripMarks unchanged.
var undecomposed = map[rune]string{
	'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d",
	'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l",
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae",
	'œ': "oe", 'Œ': "oe", 'þ': "th", 'Þ': "th",
	'ı': "i", 'ħ': "h", 'Ħ': "h", 'ŧ': "t", 'Ŧ': "t",
}

// Make returns the slug of s: ASCII letters and digits, lowercase, with
// every run of anything else turned into one hyphen and no hyphen at
// either end. It returns "" when s has no letter or digit it can spell in
// ASCII, such as "!!!".
func Make(s string) string {
	if !isASCII(s) {
		s = removeMarks(s)
	}
	out := make([]byte, 0, len(s))
	for _, r := range s {
		if spelled := appendASCII(out, r); len(spelled) > len(out) {
			out = spelled
			continue
		}
		if len(out) > 0 && out[len(out)-1] != '-' {
			out = append(out, '-')
		}
	}
	return strings.TrimSuffix(string(out), "-")
}

// appendASCII appends the lowercase ASCII spelling of r to dst when r is a
// letter or digit it knows, and returns dst unchanged otherwise.
func appendASCII(dst []byte, r rune) []byte {
	switch {
	case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
		return append(dst, byte(r))
	case 'A' <= r && r <= 'Z':
		return append(dst, byte(r-'A'+'a'))
	}
	return append(dst, undecomposed[r]...)
}

func removeMarks(s string) string {
	t := stripMarks.Get().(transform.Transformer)
	defer stripMarks.Put(t)
	out, _, err := transform.String(t, s)
	if err != nil {
		// The chain only fails on input it cannot hold in its buffers,
		// which NFD and Remove never refuse; keep the marks rather than
		// lose the text.
		return s
	}
	return out
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Valid reports whether s can be used as written as a URL path element:
// it is not empty, not "." or "..", and made only of lowercase ASCII
// letters, digits, '-', '_' and '.'. It checks slugs that authors write
// themselves, such as a front matter's slug.
func Valid(s string) bool {
	if s == "" || s == "." || s == ".." {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		ok := 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.'
		if !ok {
			return false
		}
	}
	return true
}
