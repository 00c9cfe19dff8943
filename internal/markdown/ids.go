package markdown

import (
	"bytes"
	"strconv"

	"github.com/yuin/goldmark/ast"

	"github.com/almanac-news/almanac/internal/slug"
)

// headingIDs gives headings their IDs. goldmark asks it for an ID for each
// heading without an explicit {#id}, and tells it each explicit one, in
// document order; one headingIDs serves one conversion.
type headingIDs struct {
	used map[string]bool
}

func newHeadingIDs() *headingIDs {
	return &headingIDs{used: map[string]bool{}}
}

// Generate returns the slug of a heading's Markdown, made unique by a
// "-1", "-2"... suffix. A heading with no letter or digit gets "section".
func (ids *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := slug.Make(string(headingWords(value)))
	if base == "" {
		base = "section"
		if kind != ast.KindHeading {
			base = "id"
		}
	}
	id := base
	for n := 1; ids.used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	ids.used[id] = true
	return []byte(id)
}

// Put records an ID the author wrote, so that no generated ID repeats it.
func (ids *headingIDs) Put(value []byte) {
	ids.used[string(value)] = true
}

// headingWords drops from a heading's Markdown the parts that are not
// words of its text: link destinations, footnote references, HTML tags and
// entities. goldmark generates IDs before it parses inline markup, so
// without this "[GDP](https://x.org)" would give "gdp-https-x-org".
// Emphasis and code markers need no care: slug.Make drops punctuation.
func headingWords(md []byte) []byte {
	if bytes.IndexAny(md, "](<&[") < 0 {
		return md
	}
	out := make([]byte, 0, len(md))
	for i := 0; i < len(md); i++ {
		if skip := markupLength(md[i:]); skip > 0 {
			out = append(out, ' ')
			i += skip - 1
			continue
		}
		out = append(out, md[i])
	}
	return out
}

// markupLength returns the length of the markup that s starts with, or 0.
func markupLength(s []byte) int {
	switch {
	case bytes.HasPrefix(s, []byte("](")):
		if end := bytes.IndexByte(s, ')'); end > 0 {
			return end + 1
		}
	case bytes.HasPrefix(s, []byte("[^")):
		if end := bytes.IndexByte(s, ']'); end > 0 {
			return end + 1
		}
	case s[0] == '<' && len(s) > 1 && (isLetter(s[1]) || s[1] == '/' || s[1] == '!'):
		end := bytes.IndexByte(s, '>')
		isAutolink := bytes.ContainsAny(s[:end+1], ":@") && !bytes.ContainsAny(s[:end+1], " \t")
		if end > 0 && !isAutolink { // autolinks keep their text
			return end + 1
		}
	case s[0] == '&':
		end := bytes.IndexByte(s, ';')
		if end > 1 && end < 33 && isEntityName(s[1:end]) {
			return end + 1
		}
	}
	return 0
}

func isEntityName(s []byte) bool {
	for _, c := range s {
		if !isLetter(c) && !('0' <= c && c <= '9') && c != '#' {
			return false
		}
	}
	return true
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
