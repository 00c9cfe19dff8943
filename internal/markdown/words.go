package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// unreadElements hold text nobody reads: chart data, styles, drawings.
var unreadElements = []string{"script", "style", "svg", "template"}

// Words counts the words a reader reads in a rendered body: its text,
// leaving out the elements of unreadElements. The body is HTML the
// Markdown renderer wrote, so a scan for tags is enough: no parser is
// needed.
func Words(body string) int {
	b := body
	words := 0
	for len(b) > 0 {
		lt := strings.IndexByte(b, '<')
		if lt < 0 {
			return words + countWords(b)
		}
		words += countWords(b[:lt])
		b = skipTag(b[lt:])
	}
	return words
}

// skipTag returns what follows the tag at the start of b, and the whole
// element when it is one of unreadElements.
func skipTag(b string) string {
	gt := strings.IndexByte(b, '>')
	if gt < 0 {
		return ""
	}
	name := tagName(b[1:gt])
	rest := b[gt+1:]
	for _, unread := range unreadElements {
		if strings.EqualFold(name, unread) && b[gt-1] != '/' {
			end := indexFold(rest, "</"+unread)
			if end < 0 {
				return ""
			}
			return rest[end:] // the end tag, skipped next
		}
	}
	return rest
}

// tagName returns the element name at the start of the inside of a start tag.
func tagName(inside string) string {
	end := strings.IndexFunc(inside, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '/' || r == '\r' })
	if end < 0 {
		return inside
	}
	return inside[:end]
}

// indexFold is strings.Index ignoring ASCII case.
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			return -1
		}
		i += j
		if i+len(sub) <= len(s) && strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// countWords counts the runs of text between spaces that hold a letter
// or a digit: punctuation on its own ("–") is not a word, nor is a
// character reference on its own ("&amp;").
func countWords(text string) int {
	n, counted := 0, false
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f':
			counted = false
			i++
			continue
		case c == '&':
			i += referenceLength(text[i:])
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		i += size
		if !counted && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			n++
			counted = true
		}
	}
	return n
}

// referenceLength is the length of the character reference at the start
// of b ("&amp;", "&#8211;"), or 1 for a lone "&".
func referenceLength(b string) int {
	for i := 1; i < len(b) && i < 32; i++ {
		switch c := b[i]; {
		case c == ';':
			return i + 1
		case c == '#' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
		default:
			return 1
		}
	}
	return 1
}
