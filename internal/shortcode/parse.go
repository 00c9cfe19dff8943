package shortcode

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/almanac-news/almanac/internal/diag"
)

// node is a piece of a body: text as written (call nil) or a call with
// the pieces of its inner content.
type node struct {
	start, end int    // the piece's bytes in the body
	literal    string // text shown instead of the bytes: a commented-out call
	call       *Call
	inner      []node
}

// tag is one {{< … >}} or {{% … %}} as written.
type tag struct {
	start, end int // from "{{" to after "}}"
	name       string
	closing    bool // {{< /name >}}
	selfClosed bool // {{< name />}}
	markdown   bool // {{% … %}}
	literal    string
	args       []Arg
	named      bool
}

// Arg is one argument of a call: Key is empty for a positional one.
type Arg struct {
	Key   string
	Value any // string, bool or int
}

// parse cuts src into text and calls, pairing each closing tag with the
// nearest opening one of its name.
func parse(src []byte) ([]node, []*diag.Problem) {
	var problems []*diag.Problem
	type open struct {
		t     tag
		nodes []node // the pieces before it
	}
	var stack []open
	var nodes []node
	textFrom := 0
	for at := 0; ; {
		i := nextOpening(src, at)
		if i < 0 {
			break
		}
		t, problem := lexTag(src, i)
		if problem != nil {
			problems = append(problems, problem)
			at = i + 3
			continue
		}
		if textFrom < i {
			nodes = append(nodes, node{start: textFrom, end: i})
		}
		textFrom, at = t.end, t.end
		switch {
		case t.literal != "":
			nodes = append(nodes, node{start: t.start, end: t.end, literal: t.literal})
		case t.closing:
			k := len(stack) - 1
			for k >= 0 && stack[k].t.name != t.name {
				k--
			}
			if k < 0 {
				problems = append(problems, problemAt(src, t.start, diag.Textf("{{< /%s >}} closes no shortcode %s opened before it", t.name, t.name),
					diag.Textf("remove it, or open the shortcode before it: {{< %s >}}…{{< /%s >}}", t.name, t.name)))
				continue
			}
			// the calls opened after the one closed have no closing tag: they stand alone
			for len(stack) > k+1 {
				top := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				nodes = append(top.nodes, append([]node{callNode(top.t, -1)}, nodes...)...)
			}
			top := stack[k]
			stack = stack[:k]
			n := callNode(top.t, t.end)
			n.call.HasInner, n.inner = true, nodes
			if len(nodes) > 0 {
				n.call.innerStart, n.call.innerEnd = top.t.end, t.start
			}
			nodes = append(top.nodes, n)
		case t.selfClosed:
			nodes = append(nodes, callNode(t, -1))
		default:
			stack = append(stack, open{t: t, nodes: nodes})
			nodes = nil
		}
	}
	if textFrom < len(src) {
		nodes = append(nodes, node{start: textFrom, end: len(src)})
	}
	for len(stack) > 0 {
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		nodes = append(top.nodes, append([]node{callNode(top.t, -1)}, nodes...)...)
	}
	return nodes, problems
}

// callNode is the node of the call opened by t, ending at end (its
// closing tag's end) or, when end < 0, at t's own end.
func callNode(t tag, end int) node {
	if end < 0 {
		end = t.end
	}
	return node{start: t.start, end: end, call: &Call{Name: t.name, Markdown: t.markdown, Offset: t.start, Args: t.args, IsNamedParams: t.named}}
}

// nextOpening is the offset of the next "{{<" or "{{%" from at, or -1.
func nextOpening(src []byte, at int) int {
	for {
		i := bytes.Index(src[at:], []byte("{{"))
		if i < 0 || at+i+2 >= len(src) {
			return -1
		}
		at += i
		if c := src[at+2]; c == '<' || c == '%' {
			return at
		}
		at++
	}
}

// lexTag reads the tag that starts at src[i:], "{{<" or "{{%".
func lexTag(src []byte, i int) (tag, *diag.Problem) {
	t := tag{start: i, markdown: src[i+2] == '%'}
	closer := ">}}"
	if t.markdown {
		closer = "%}}"
	}
	at := skipSpace(src, i+3)
	if bytes.HasPrefix(src[at:], []byte("/*")) { // {{</* name */>}}: shown as written
		end := bytes.Index(src[at:], []byte("*/"))
		for end >= 0 {
			after := skipSpace(src, at+end+2)
			if bytes.HasPrefix(src[after:], []byte(closer)) {
				open := string(src[i : i+3])
				t.literal = open + string(src[at+2:at+end]) + closer
				t.end = after + len(closer)
				return t, nil
			}
			next := bytes.Index(src[at+end+2:], []byte("*/"))
			if next < 0 {
				break
			}
			end += 2 + next
		}
		return t, problemAt(src, i, diag.Textf("the commented-out shortcode is not closed with */%s", closer),
			diag.Textf("write it {{</* name */>}} to show a shortcode as written"))
	}
	if at < len(src) && src[at] == '/' {
		t.closing = true
		at = skipSpace(src, at+1) // {{< /name >}} and {{</ name >}}
	}
	nameEnd := at
	for nameEnd < len(src) && isNameByte(src[nameEnd]) {
		nameEnd++
	}
	t.name = string(src[at:nameEnd])
	if t.name == "" {
		return t, problemAt(src, i, diag.Textf("%s is not followed by a shortcode's name", string(src[i:i+3])),
			diag.Textf("write {{< name >}}; to show the characters themselves, write {{</* name */>}}"))
	}
	at = nameEnd
	for {
		at = skipSpace(src, at)
		switch {
		case at >= len(src):
			return t, problemAt(src, i, diag.Textf("shortcode %s is not closed with %s", t.name, closer),
				diag.Textf("end the shortcode with %s on the same or a later line", closer))
		case bytes.HasPrefix(src[at:], []byte(closer)):
			t.end = at + len(closer)
			return t, nil
		case bytes.HasPrefix(src[at:], []byte("/"+closer)) && !t.closing:
			t.selfClosed, t.end = true, at+1+len(closer)
			return t, nil
		case bytes.HasPrefix(src[at:], []byte(">}}")) || bytes.HasPrefix(src[at:], []byte("%}}")):
			return t, problemAt(src, at, diag.Textf("shortcode %s opens with %s but closes with %s", t.name, string(src[i:i+3]), string(src[at:at+3])),
				diag.Textf("close it as it opens: {{< %s >}} or {{%% %s %%}}", t.name, t.name))
		}
		if t.closing {
			return t, problemAt(src, at, diag.Textf("the closing tag of %s takes no arguments", t.name),
				diag.Textf("write it {{< /%s >}}", t.name))
		}
		arg, next, problem := lexArg(src, at, t.name)
		if problem != nil {
			return t, problem
		}
		if len(t.args) > 0 && t.named != (arg.Key != "") {
			return t, problemAt(src, at, diag.Textf("shortcode %s mixes named and positional arguments", t.name),
				diag.Textf("give every argument a name (key=\"value\"), or none"))
		}
		t.named = arg.Key != ""
		t.args = append(t.args, arg)
		at = next
	}
}

// lexArg reads one argument at src[at:].
func lexArg(src []byte, at int, name string) (Arg, int, *diag.Problem) {
	keyEnd := at
	for keyEnd < len(src) && (isNameByte(src[keyEnd]) && src[keyEnd] != '/' && src[keyEnd] != '.') {
		keyEnd++
	}
	var arg Arg
	if keyEnd > at && keyEnd < len(src) && src[keyEnd] == '=' {
		arg.Key = string(src[at:keyEnd])
		at = keyEnd + 1
	}
	value, next, problem := lexValue(src, at, name)
	arg.Value = value
	return arg, next, problem
}

// lexValue reads a word, a "quoted" or a `raw` value at src[at:].
func lexValue(src []byte, at int, name string) (any, int, *diag.Problem) {
	if at >= len(src) {
		return "", at, problemAt(src, at, diag.Textf("shortcode %s ends before its argument", name), diag.Textf("write the argument's value after ="))
	}
	switch src[at] {
	case '"':
		var b strings.Builder
		for j := at + 1; j < len(src); j++ {
			switch c := src[j]; {
			case c == '\\' && j+1 < len(src) && (src[j+1] == '"' || src[j+1] == '\\'):
				b.WriteByte(src[j+1])
				j++
			case c == '"':
				return b.String(), j + 1, nil
			default:
				b.WriteByte(c)
			}
		}
		return "", at, problemAt(src, at, diag.Textf("an argument of shortcode %s opens a quotation mark that is never closed", name),
			diag.Textf("close the value with \"; write a quotation mark inside it as \\\""))
	case '`':
		end := bytes.IndexByte(src[at+1:], '`')
		if end < 0 {
			return "", at, problemAt(src, at, diag.Textf("an argument of shortcode %s opens a backquote that is never closed", name),
				diag.Textf("close the value with `"))
		}
		return string(src[at+1 : at+1+end]), at + 2 + end, nil
	}
	end := at
	for end < len(src) && !isSpace(src[end]) && !bytes.HasPrefix(src[end:], []byte(">}}")) && !bytes.HasPrefix(src[end:], []byte("%}}")) &&
		!bytes.HasPrefix(src[end:], []byte("/>}}")) && !bytes.HasPrefix(src[end:], []byte("/%}}")) {
		end++
	}
	return typed(string(src[at:end])), end, nil
}

// typed is an unquoted value as Hugo reads it: true, false and whole
// numbers are themselves, anything else a string.
func typed(word string) any {
	switch word {
	case "true":
		return true
	case "false":
		return false
	}
	if n, err := strconv.Atoi(word); err == nil {
		return n
	}
	return word
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '/' || c == '.'
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func skipSpace(src []byte, at int) int {
	for at < len(src) && isSpace(src[at]) {
		at++
	}
	return at
}

// problemAt is an error at offset at of src, its line and column counted
// in src (columns in characters).
func problemAt(src []byte, at int, msg, hint diag.Text) *diag.Problem {
	return diag.Errorf(position(src, at), "%s", msg).WithHint("%s", hint)
}

// position is the line and column of offset at in src, from 1.
func position(src []byte, at int) diag.Pos {
	at = min(at, len(src))
	line := bytes.Count(src[:at], []byte("\n")) + 1
	start := bytes.LastIndexByte(src[:at], '\n') + 1
	return diag.Pos{Line: line, Col: len([]rune(string(src[start:at]))) + 1}
}
