package markdown

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// plainText returns the text of n's inline content as a reader sees it:
// emphasis, links and code marks gone, escapes and entities resolved,
// raw HTML, images and footnote references left out, and every run of
// white space turned into one space.
func plainText(n ast.Node, src []byte) string {
	var w plainWriter
	w.inlines(n, src)
	return w.String()
}

// plainWriter collects text and collapses white space as it goes.
type plainWriter struct {
	strings.Builder
	pendingSpace bool
}

func (w *plainWriter) inlines(parent ast.Node, src []byte) {
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Text:
			w.write(resolveEscapes(n.Segment.Value(src)))
			if n.SoftLineBreak() || n.HardLineBreak() {
				w.pendingSpace = true
			}
		case *ast.String:
			w.write(n.Value)
		case *ast.AutoLink:
			w.write(n.Label(src))
		case *ast.CodeSpan:
			w.codeSpan(n, src)
		case *ast.RawHTML, *ast.Image, *east.FootnoteLink, *east.TaskCheckBox:
			// No text of their own for a reader.
		default:
			w.inlines(n, src)
		}
	}
}

// codeSpan writes a code span's text without resolving escapes or
// entities, which stay literal inside code.
func (w *plainWriter) codeSpan(n *ast.CodeSpan, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			w.write(t.Segment.Value(src))
		}
	}
}

// write appends text, replacing runs of white space by one space and
// leaving none at the start.
func (w *plainWriter) write(text []byte) {
	for len(text) > 0 {
		r, size := rune(text[0]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(text)
		}
		text = text[size:]
		if unicode.IsSpace(r) {
			w.pendingSpace = true
			continue
		}
		if w.pendingSpace && w.Len() > 0 {
			w.WriteByte(' ')
		}
		w.pendingSpace = false
		if size == 1 {
			w.WriteByte(byte(r))
		} else {
			w.WriteRune(r)
		}
	}
}

// resolveEscapes turns backslash escapes and entity references of Markdown
// text into the characters they stand for.
func resolveEscapes(text []byte) []byte {
	if bytes.IndexByte(text, '\\') >= 0 {
		text = util.UnescapePunctuations(text)
	}
	if bytes.IndexByte(text, '&') >= 0 {
		text = util.ResolveEntityNames(util.ResolveNumericReferences(text))
	}
	return text
}
