package bundlefile

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/almanac-news/almanac/internal/diag"
)

// maxProblems is how many problems one picture lists; one more says that
// others follow.
const maxProblems = 10

// Hints of the SVG problems.
const (
	hintRef     = "embed what it shows in the picture (Inkscape: Extensions › Images › Embed Images) and put links in the article's text, or set allow_html = true in almanac.toml if you trust every writer"
	hintRead    = "open it in a drawing program such as Inkscape and save it again as plain SVG in UTF-8, or set allow_html = true in almanac.toml if you trust every writer"
	hintDoctype = "export it again as plain SVG (Inkscape: Save As › Plain SVG; Illustrator: Export As › SVG), which declares no entities, or set allow_html = true in almanac.toml if you trust every writer"
)

// Namespaces whose elements an SVG document shows with their behaviour.
const (
	xhtmlSpace  = "http://www.w3.org/1999/xhtml"
	mathMLSpace = "http://www.w3.org/1998/Math/MathML"
	xmlSpace    = "http://www.w3.org/XML/1998/namespace"
)

var (
	// scriptElements run scripts.
	scriptElements = set("script", "handler", "listener")
	// documentElements show another document inside the picture.
	documentElements = set("foreignobject", "iframe", "embed", "object", "frame", "frameset", "applet", "portal", "fencedframe")
	// animationElements change other attributes as the picture plays.
	animationElements = set("animate", "set", "animatemotion", "animatetransform", "animatecolor")
)

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// svgCheck is the check of one picture.
type svgCheck struct {
	name     string
	text     []byte // the picture in UTF-8, as the decoder reads it
	problems []*diag.Problem
	more     int      // problems past maxProblems
	morePos  diag.Pos // where the first of them is
	skip     int      // depth inside a refused element, whose content is not checked
	declared bool     // a refused declaration may have declared entities
	inStyle  bool     // in a style element, which starts at styleAt
	styleAt  int64
	css      []byte
}

// checkSVG checks the SVG picture data of the file name.
func checkSVG(name string, data []byte) []*diag.Problem {
	c := &svgCheck{name: name}
	text, enc := utf8Text(data)
	if text == nil {
		c.add(c.errorf(0, "SVG picture is written in the %s encoding, which Almanac cannot check", enc).WithHint(hintRead))
		return c.problems
	}
	c.text = text
	d := xml.NewDecoder(bytes.NewReader(text))
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		if l := strings.ToLower(label); latin[l] || l == "utf8" {
			return r, nil // utf8Text has decoded it
		}
		return nil, errors.New("encoding " + label)
	}
	for {
		start := d.InputOffset()
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			c.readProblem(d.InputOffset(), err)
			break
		}
		c.token(tok, start, d.InputOffset())
	}
	if c.more > 0 {
		p := diag.Errorf(c.morePos, "SVG picture: more problems follow in this file (%d in all); fix those above and build again", maxProblems+c.more)
		c.problems = append(c.problems, p.WithHint(hintSVG))
	}
	return c.problems
}

// errorf makes a problem at the byte offset off of the picture's text.
func (c *svgCheck) errorf(off int64, format string, args ...any) *diag.Problem {
	return diag.Errorf(c.pos(off), format, args...)
}

// add keeps p, unless maxProblems are kept already.
func (c *svgCheck) add(p *diag.Problem) {
	switch {
	case len(c.problems) < maxProblems:
		c.problems = append(c.problems, p)
	case c.more == 0:
		c.more, c.morePos = 1, p.Pos
	default:
		c.more++
	}
}

// pos is the position of the byte offset off: its line, and its column
// in characters.
func (c *svgCheck) pos(off int64) diag.Pos {
	before := c.text[:min(int(off), len(c.text))]
	line := bytes.Count(before, []byte("\n")) + 1
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return diag.Pos{File: c.name, Line: line, Col: utf8.RuneCount(before[lineStart:]) + 1}
}

func (c *svgCheck) readProblem(off int64, err error) {
	var syntax *xml.SyntaxError
	if errors.As(err, &syntax) {
		if c.declared && strings.HasPrefix(syntax.Msg, "invalid character entity") {
			return // an entity of the declaration refused already
		}
		err = errors.New(syntax.Msg) // the problem gives the line
	}
	c.add(c.errorf(off, "SVG picture cannot be read as XML: %v", err).WithHint(hintRead))
}

// token checks one token that spans text[start:end].
func (c *svgCheck) token(tok xml.Token, start, end int64) {
	switch t := tok.(type) {
	case xml.StartElement:
		if c.skip > 0 {
			c.skip++
			return
		}
		c.element(t, start, end)
	case xml.EndElement:
		if c.skip > 0 {
			c.skip--
			return
		}
		if c.inStyle && strings.EqualFold(t.Name.Local, "style") {
			c.styleText(func() int64 { return c.styleAt }, "<style>", string(c.css))
			c.inStyle, c.css = false, nil
		}
	case xml.CharData:
		if c.inStyle {
			c.css = append(c.css, t...)
		}
	case xml.ProcInst:
		c.procInst(t, start)
	case xml.Directive:
		c.directive(start, end)
	}
}

func (c *svgCheck) procInst(t xml.ProcInst, start int64) {
	switch {
	case strings.EqualFold(t.Target, "xml-stylesheet"):
		c.add(c.errorf(start, "SVG picture: <?xml-stylesheet?> makes a browser apply another file to the picture: a style sheet, or an XSLT program, which can make it a page with scripts").WithHint(hintSVG))
	case strings.EqualFold(t.Target, "xml") && start > 0 && strings.TrimSpace(string(c.text[:start])) != "":
		c.readProblem(start, errors.New("the XML declaration <?xml …?> may only begin the file"))
	}
}

// directive checks a <!…> declaration, from its bytes as written: a
// DOCTYPE naming the document type and its DTD is allowed, nothing more.
func (c *svgCheck) directive(start, end int64) {
	raw := string(c.text[start:end])
	inner := strings.TrimSuffix(strings.TrimPrefix(raw, "<!"), ">")
	word := ""
	if fields := strings.Fields(inner); len(fields) > 0 {
		word = fields[0]
	}
	if strings.EqualFold(word, "DOCTYPE") && !strings.ContainsAny(inner, "<>[") {
		return
	}
	if len(word) > 20 {
		word = word[:20]
	}
	c.declared = true
	c.add(c.errorf(start, "SVG picture: the declaration <!%s …> can define entities, which a browser expands into markup that Almanac cannot check", word).WithHint(hintDoctype))
}

// element checks a start tag spanning text[start:end].
func (c *svgCheck) element(e xml.StartElement, start, end int64) {
	local := strings.ToLower(e.Name.Local)
	space := e.Name.Space
	switch {
	case scriptElements[local]:
		c.add(c.errorf(start, "SVG picture: the <%s> element runs a script when the picture is opened on the site", e.Name.Local).WithHint(hintSVG))
	case documentElements[local]:
		c.add(c.errorf(start, "SVG picture: the <%s> element shows another document inside the picture, whose scripts would run as the site's own", e.Name.Local).WithHint(hintSVG))
	case strings.EqualFold(space, xhtmlSpace) || strings.EqualFold(space, mathMLSpace):
		c.add(c.errorf(start, "SVG picture: <%s> is not an SVG element but one of %s, which can run scripts or load other documents inside the picture", e.Name.Local, space).WithHint(hintSVG))
	default:
		if local == "style" {
			c.inStyle, c.styleAt = true, start
		}
		if animationElements[local] {
			c.animation(e, start)
		}
		for _, a := range e.Attr {
			c.attribute(a, func() int64 { return c.attrOffset(start, end, a) })
		}
		return
	}
	c.skip = 1 // the element's content goes with it
}

// animation checks what an animation element changes.
func (c *svgCheck) animation(e xml.StartElement, start int64) {
	for _, a := range e.Attr {
		if !strings.EqualFold(a.Name.Local, "attributeName") {
			continue
		}
		target := strings.ToLower(strings.TrimSpace(a.Value))
		if i := strings.LastIndexByte(target, ':'); i >= 0 {
			target = target[i+1:]
		}
		if target == "href" || strings.HasPrefix(target, "on") {
			c.add(c.errorf(start, "SVG picture: <%s attributeName=%q> changes a link or an event handler as the picture plays, which can run a script", e.Name.Local, a.Value).WithHint(hintSVG))
		}
	}
}

// attribute checks one attribute, written at the byte offset at() gives.
func (c *svgCheck) attribute(a xml.Attr, at func() int64) {
	local := strings.ToLower(a.Name.Local)
	name := qualified(a.Name)
	switch {
	case a.Name.Space == "xmlns" || a.Name.Space == "" && local == "xmlns":
		// a namespace declaration: its value names, and loads nothing
	case strings.HasPrefix(local, "on"):
		c.add(c.errorf(at(), "SVG picture: the %s attribute is an event handler, a script run when its event happens", name).WithHint(hintSVG))
	case hasScriptAddress(a.Value):
		c.add(c.errorf(at(), "SVG picture: %s=%q holds a javascript: or vbscript: address, which runs a script", name, shorten(a.Value)).WithHint(hintSVG))
	case local == "href":
		if !localReference(a.Value) {
			c.add(c.errorf(at(), "SVG picture: %s=%q refers to something outside the picture; an SVG beside an article may refer only to its own parts (#…) and to pictures in data: addresses", name, shorten(a.Value)).WithHint(hintRef))
		}
	case local == "base" && (a.Name.Space == xmlSpace || a.Name.Space == "xml"):
		c.add(c.errorf(at(), "SVG picture: xml:base changes where the picture's references lead, so they cannot be checked").WithHint(hintSVG))
	default:
		c.styleText(at, name, a.Value)
	}
}

// styleText checks CSS, in a style element or an attribute's value
// written at the byte offset at() gives.
func (c *svgCheck) styleText(at func() int64, where, css string) {
	found, script := cssRisk(css)
	switch {
	case found == "":
	case script:
		c.add(c.errorf(at(), "SVG picture: %s holds %q, which old browsers run as a script", where, found).WithHint(hintSVG))
	default:
		c.add(c.errorf(at(), "SVG picture: %s holds %q, which loads a file from outside the picture; styles may refer only to the picture's own parts, url(#…)", where, found).WithHint(hintRef))
	}
}

// qualified is an attribute's name as the problems show it: with the
// prefix xml: or xlink: in those namespaces, and without one otherwise.
func qualified(n xml.Name) string {
	switch n.Space {
	case "":
		return n.Local
	case xmlSpace:
		return "xml:" + n.Local
	case "http://www.w3.org/1999/xlink":
		return "xlink:" + n.Local
	}
	return n.Local
}

// attrOffset finds where the attribute a is written in the start tag
// text[start:end]: the first occurrence of its local name after white
// space or a prefix's colon and before "=". It returns start when it
// cannot tell; it only places the problem.
func (c *svgCheck) attrOffset(start, end int64, a xml.Attr) int64 {
	tag := c.text[start:end]
	name := []byte(a.Name.Local)
	for from := 0; ; {
		i := bytes.Index(tag[from:], name)
		if i < 0 {
			return start
		}
		i += from
		from = i + 1
		if i == 0 || !isNameEnd(tag, i+len(name)) {
			continue
		}
		switch tag[i-1] {
		case ' ', '\t', '\n', '\r':
			return start + int64(i)
		case ':':
			j := bytes.LastIndexAny(tag[:i], " \t\n\r")
			return start + int64(j+1)
		}
	}
}

// isNameEnd reports whether an attribute name ending at tag[i] is
// followed by "=", white space allowed between.
func isNameEnd(tag []byte, i int) bool {
	rest := bytes.TrimLeft(tag[i:], " \t\n\r")
	return len(rest) > 0 && rest[0] == '='
}

// shorten cuts a long value for a message.
func shorten(s string) string {
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	r := []rune(s)
	return string(r[:59]) + "…"
}
