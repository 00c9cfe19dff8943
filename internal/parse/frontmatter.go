package parse

import (
	"bytes"
	"encoding/json"
	"unicode/utf8"

	"github.com/adrg/frontmatter"
	"gopkg.in/yaml.v3"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/yamlfield"
)

// frontMatter is a content file split into its decoded front matter and body.
type frontMatter struct {
	root     *yaml.Node // a mapping node whose lines count from the file's first line; nil without front matter
	body     []byte
	bodyLine int // line of body[0] in the file
	empty    int // line of the opening delimiter of a front matter that holds no key (only comments or nothing); 0 otherwise
}

type fmFormat int

const (
	fmYAML fmFormat = iota + 1
	fmTOML
	fmJSON
)

// captured receives the raw front matter from adrg/frontmatter, which only
// splits the file here: decoding happens afterwards, so that every error
// can be mapped back to the file's own lines.
type captured struct {
	format fmFormat
	data   []byte
}

func capture(f fmFormat) frontmatter.UnmarshalFunc {
	return func(data []byte, v any) error {
		c := v.(*captured)
		c.format, c.data = f, data
		return nil
	}
}

var formats = []*frontmatter.Format{
	frontmatter.NewFormat("---", "---", capture(fmYAML)),
	frontmatter.NewFormat("---yaml", "---", capture(fmYAML)),
	frontmatter.NewFormat("+++", "+++", capture(fmTOML)),
	frontmatter.NewFormat("---toml", "---", capture(fmTOML)),
	frontmatter.NewFormat("---json", "---", capture(fmJSON)),
	{Start: "{", End: "}", Unmarshal: capture(fmJSON), UnmarshalDelims: true, RequiresNewLine: true},
}

var bom = []byte("\ufeff")

// splitFrontMatter checks src is UTF-8, separates front matter from body
// and decodes the front matter into a YAML node tree with file positions.
func splitFrontMatter(file string, src []byte) (frontMatter, *diag.Problem) {
	if p := checkUTF8(file, src); p != nil {
		return frontMatter{}, p
	}
	src = bytes.TrimPrefix(src, bom)
	var c captured
	body, err := frontmatter.Parse(bytes.NewReader(src), &c, formats...)
	if err != nil { // only I/O errors are possible with a bytes.Reader and capture
		return frontMatter{}, diag.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "cannot read front matter: %v", err)
	}
	bodyStart := len(src) - len(body)
	if bytes.Equal(src[bodyStart:], body) {
		// The end of src, not frontmatter's copy, whose buffer grew to up
		// to twice the file: pages keep their body until it is rendered.
		body = src[bodyStart:]
	}
	fm := frontMatter{body: body, bodyLine: lineAt(src, bodyStart)}
	if c.format == 0 {
		if line, ok := openingDelimiter(src); ok {
			return fm, diag.Errorf(diag.Pos{File: file, Line: line, Col: 1},
				"the front matter that starts here never closes").
				WithHint("end it with a line holding only %q", closingFor(src))
		}
		return fm, nil
	}
	start := bytes.Index(src, c.data)
	offset := 0
	if start > 0 {
		offset = bytes.Count(src[:start], []byte("\n"))
	}
	root, p := decodeFrontMatter(file, c, offset)
	fm.root = root
	if root == nil && p == nil {
		fm.empty = max(offset, 1)
	}
	return fm, p
}

func decodeFrontMatter(file string, c captured, offset int) (*yaml.Node, *diag.Problem) {
	var root *yaml.Node
	var p *diag.Problem
	switch c.format {
	case fmTOML:
		root, p = tomlToNode(file, c.data, offset)
	case fmJSON:
		if err := json.Unmarshal(c.data, new(any)); err != nil {
			return nil, jsonProblem(file, c.data, offset, err)
		}
		root, p = yamlToNode(file, c.data, offset) // JSON is YAML: keeps positions
	default:
		root, p = yamlToNode(file, c.data, offset)
	}
	if p != nil || root == nil {
		return nil, p
	}
	if root.Kind != yaml.MappingNode {
		return nil, diag.Errorf(diag.Pos{File: file, Line: root.Line, Col: root.Column},
			"front matter must be a set of key: value lines").
			WithHint("write for example\n---\ntitle: …\ndate: 2020-12-30\n---")
	}
	return root, nil
}

// yamlToNode parses YAML data whose first line is line offset+1 of file.
func yamlToNode(file string, data []byte, offset int) (*yaml.Node, *diag.Problem) {
	root, err := yamlfield.Parse(file, data, offset)
	if err != nil {
		return nil, diag.Errorf(err.Pos, "front matter is not valid YAML: %s", err.Msg).
			WithHint("check the indentation and quote values that contain \": \" or start with a special character")
	}
	return root, nil
}

func jsonProblem(file string, data []byte, offset int, err error) *diag.Problem {
	off := 0
	if se, ok := err.(*json.SyntaxError); ok {
		off = int(se.Offset)
	}
	line, col := lineCol(data, off)
	return diag.Errorf(diag.Pos{File: file, Line: line + offset, Col: col},
		"front matter is not valid JSON: %v", err).
		WithHint("check for a missing comma or quote near here")
}

// checkUTF8 reports the position of the first invalid UTF-8 byte.
func checkUTF8(file string, src []byte) *diag.Problem {
	if utf8.Valid(src) {
		return nil
	}
	i := 0
	for i < len(src) {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		i += size
	}
	line, col := lineCol(src, i)
	return diag.Errorf(diag.Pos{File: file, Line: line, Col: col},
		"the file is not valid UTF-8 text (byte 0x%02x)", src[i]).
		WithHint("save the file as UTF-8 in your editor")
}

// lineCol converts a byte offset into a 1-based line and a column counted in characters.
func lineCol(src []byte, off int) (line, col int) {
	off = min(off, len(src))
	before := src[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[lineStart:]) + 1
}

func lineAt(src []byte, off int) int {
	line, _ := lineCol(src, off)
	return line
}

var openings = map[string]string{"---": "---", "---yaml": "---", "---toml": "---", "---json": "---", "+++": "+++", "{": "}"}

// openingDelimiter reports whether the first non-blank line opens a front matter.
func openingDelimiter(src []byte) (int, bool) {
	for i, l := range bytes.Split(src, []byte("\n")) {
		t := string(bytes.TrimSpace(l))
		if t == "" {
			continue
		}
		_, ok := openings[t]
		return i + 1, ok
	}
	return 0, false
}

func closingFor(src []byte) string {
	for _, l := range bytes.Split(src, []byte("\n")) {
		if t := string(bytes.TrimSpace(l)); t != "" {
			return openings[t]
		}
	}
	return "---"
}

// BodyOf returns the body of a content file's text and the line it
// starts on, as parsing the file finds them: for callers that let a
// parsed page's body go and need it again.
func BodyOf(file string, src []byte) ([]byte, int) {
	fm, _ := splitFrontMatter(file, src)
	return fm.body, fm.bodyLine
}
