package yamlfield

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/almanac-news/almanac/internal/diag"
)

// SyntaxError is where YAML text stops parsing, in the file's own lines,
// and yaml.v3's message without its line.
type SyntaxError struct {
	Pos diag.Pos
	Msg string
}

// Parse parses YAML data whose first line is line offset+1 of file: a
// front matter, a chart block in a body. The nodes count lines from the
// file's first line; the document's root is nil for an empty text. A
// syntax error is placed on the line that breaks the text, as a writer
// counts lines, not where yaml.v3 says (it counts some lines from 0, and
// names a block rather than its misindented line).
func Parse(file string, data []byte, offset int) (*yaml.Node, *SyntaxError) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, msg := 1, err.Error()
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
			if parserErrors[msg] { // yaml.v3 counts these lines from 0, scanner errors from 1
				line++
			}
		}
		if n := bytes.Count(bytes.TrimRight(data, "\n"), []byte("\n")) + 1; line > n {
			line = n // an error at the end points at the last line written
		}
		if msg == "did not find expected key" {
			line = misindented(data, line, msg)
		}
		return nil, &SyntaxError{Pos: diag.Pos{File: file, Line: line + offset, Col: FirstColumn(data, line)}, Msg: msg}
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	shiftLines(doc.Content[0], offset)
	return doc.Content[0], nil
}

var yamlLine = regexp.MustCompile(`line (\d+): (.*)`)

// parserErrors are the messages of yaml.v3's parser (as opposed to its
// scanner), whose line numbers are one short.
var parserErrors = map[string]bool{
	"did not find expected <document start>": true,
	"did not find expected node content":     true,
	"did not find expected key":              true,
	"did not find expected '-' indicator":    true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
}

// misindented finds the line that breaks a block yaml.v3 reports at its
// start (line): the first line after it with which the lines up to it
// stop parsing, with the same message. yaml.v3 names the block, not the
// line: a value indented one space too far on line 29 is reported at the
// figure starting on line 8.
func misindented(data []byte, line int, msg string) int {
	lines := bytes.SplitAfter(data, []byte("\n"))
	var doc yaml.Node
	for k := line; k <= len(lines); k++ {
		err := yaml.Unmarshal(bytes.Join(lines[:k], nil), &doc)
		if err == nil {
			continue
		}
		if strings.HasSuffix(err.Error(), msg) {
			return k
		}
		break
	}
	return line
}

func shiftLines(n *yaml.Node, offset int) {
	n.Line += offset
	for _, c := range n.Content {
		shiftLines(c, offset)
	}
}

// FirstColumn is the column of the first non-blank character of a line
// of data, counted from 1.
func FirstColumn(data []byte, line int) int {
	lines := bytes.Split(data, []byte("\n"))
	if line < 1 || line > len(lines) {
		return 1
	}
	l := lines[line-1]
	return len(l) - len(bytes.TrimLeft(l, " \t")) + 1
}
