package shortcode

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"html"
	"html/template"
	"sort"
	"strconv"
	"strings"

	"github.com/almanac-news/almanac/internal/diag"
)

// Options are what Expand needs besides the Markdown.
type Options struct {
	Handler Handler
	Host    Host // for the methods of Call that templates use; may be nil
	// TrustHTML makes each call's Inner template.HTML rather than a string.
	TrustHTML  bool
	Page, Site any // given to every Call
}

// Expansion is a body with its calls expanded.
type Expansion struct {
	// Source is the Markdown to convert.
	Source  []byte
	Used    []string        // the names of the calls made, each once, sorted
	marks   string          // what every token starts with: "almsc" and a digest of the body
	html    []string        // by token number
	anchors []anchor        // where lines of Source come from
	names   map[string]bool // Used, while expanding
}

// anchor says that Source's lines from out on are the body's lines from
// in on, one for one, or, when fixed, all come from line in (the output
// of a call).
type anchor struct {
	out, in int
	fixed   bool
}

// Has reports whether src may hold a call: a quick test before Expand.
func Has(src []byte) bool {
	return bytes.Contains(src, []byte("{{<")) || bytes.Contains(src, []byte("{{%"))
}

// Expand expands every call of src with opts.Handler. Its problems have
// lines and columns counted in src, and no file.
func Expand(src []byte, opts Options) (*Expansion, []*diag.Problem) {
	nodes, problems := parse(src)
	h := fnv.New64a()
	h.Write(src)
	x := &Expansion{marks: fmt.Sprintf("almsc%xn", h.Sum64()), names: map[string]bool{}}
	e := &expander{src: src, opts: opts, x: x}
	var out bytes.Buffer
	e.top(&out, nodes)
	x.Source = out.Bytes()
	for name := range x.names {
		x.Used = append(x.Used, name)
	}
	sort.Strings(x.Used)
	return x, append(problems, e.problems...)
}

type expander struct {
	src      []byte
	opts     Options
	x        *Expansion
	problems []*diag.Problem
}

// top writes the top-level pieces to out, keeping the line anchors.
func (e *expander) top(out *bytes.Buffer, nodes []node) {
	line := func() int { return bytes.Count(out.Bytes(), []byte("\n")) + 1 }
	ordinal := 0
	for _, n := range nodes {
		inLine := bytes.Count(e.src[:n.start], []byte("\n")) + 1
		e.x.anchors = append(e.x.anchors, anchor{out: line(), in: inLine, fixed: n.call != nil || n.literal != ""})
		out.WriteString(e.piece(n, nil, &ordinal))
	}
}

// piece is one piece as it goes into the Markdown.
func (e *expander) piece(n node, parent *Call, ordinal *int) string {
	switch {
	case n.literal != "":
		return n.literal
	case n.call == nil:
		return string(e.src[n.start:n.end])
	}
	c := n.call
	c.Parent, c.Ordinal, c.Page, c.Site, c.host = parent, *ordinal, e.opts.Page, e.opts.Site, e.opts.Host
	*ordinal++
	if c.HasInner {
		var inner strings.Builder
		innerOrdinal := 0
		for _, child := range n.inner {
			inner.WriteString(e.piece(child, c, &innerOrdinal))
		}
		c.innerText = inner.String()
	}
	c.Inner = c.innerText
	if e.opts.TrustHTML {
		c.Inner = template.HTML(c.innerText)
	}
	e.x.names[c.Name] = true
	got, problem := e.opts.Handler.Render(c)
	if problem != nil {
		if problem.Pos.Line == 0 {
			pos := position(e.src, c.Offset)
			problem.Pos.Line, problem.Pos.Col = pos.Line, pos.Col
		}
		e.problems = append(e.problems, problem)
		return ""
	}
	switch got.kind {
	case kindMarkdown:
		return got.value
	case kindText:
		return escapeMarkdown(got.value)
	}
	e.x.html = append(e.x.html, got.value)
	return e.x.token(len(e.x.html) - 1)
}

// token is the Markdown that holds the place of HTML output number i:
// letters and digits only, which Markdown leaves as they are.
func (x *Expansion) token(i int) string { return x.marks + strconv.Itoa(i) + "e" }

// escapeMarkdown puts a backslash before each mark of s that Markdown
// reads as markup within a line, so that it reads as itself; slashes and
// the other marks of a URL stay as they are, so that a link's
// destination is still seen as a site path.
func escapeMarkdown(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]()<>!&|~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Line is the line of the body that line n of Source comes from.
func (x *Expansion) Line(n int) int {
	i := sort.Search(len(x.anchors), func(i int) bool { return x.anchors[i].out > n }) - 1
	if i < 0 {
		return n
	}
	a := x.anchors[i]
	if a.fixed {
		return a.in
	}
	return a.in + n - a.out
}

// Replace puts each call's HTML in place of its token in the converted
// page: a paragraph holding only a token gives way to the HTML.
func (x *Expansion) Replace(page string) string {
	return x.replace(page, func(i int) string { return x.html[i] }, true)
}

// Plain puts the text of each call's HTML, its tags left out, in place of
// its token: for summaries and headings, which are plain text.
func (x *Expansion) Plain(text string) string {
	return x.replace(text, func(i int) string { return strings.Join(strings.Fields(html.UnescapeString(tagless(x.html[i]))), " ") }, false)
}

func (x *Expansion) replace(s string, with func(int) string, unwrap bool) string {
	if len(x.html) == 0 || !strings.Contains(s, x.marks) {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, x.marks)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		n, end := x.number(s[i+len(x.marks):])
		if n < 0 {
			b.WriteString(s[:i+len(x.marks)])
			s = s[i+len(x.marks):]
			continue
		}
		rest := s[i+len(x.marks)+end:]
		before := s[:i]
		if unwrap && strings.HasSuffix(before, "<p>") && strings.HasPrefix(rest, "</p>") {
			before, rest = before[:len(before)-3], strings.TrimPrefix(rest[4:], "\n")
		}
		b.WriteString(before)
		b.WriteString(x.replace(with(n), with, unwrap)) // its inner content's tokens
		s = rest
	}
}

// number reads a token's number and final "e" at the start of s: -1 when
// s does not go on as a token does.
func (x *Expansion) number(s string) (n, end int) {
	digits := 0
	for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	if digits == 0 || digits >= len(s) || s[digits] != 'e' {
		return -1, 0
	}
	n, err := strconv.Atoi(s[:digits])
	if err != nil || n >= len(x.html) {
		return -1, 0
	}
	return n, digits + 1
}

// tagless is HTML without its tags.
func tagless(h string) string {
	var b strings.Builder
	in := false
	for _, r := range h {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}
