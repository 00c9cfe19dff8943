package markdown

import (
	"bytes"
	"fmt"
)

// MaxDepth is how deep lists and block quotes may nest. Pathological
// depth makes a parser's work grow with its square (2,000 levels took
// goldmark 17 s and 311 MB), and no reader follows more than a few
// levels; markdown-it stops at 100 too.
const MaxDepth = 100

// DepthError is a body that nests lists or quotes deeper than MaxDepth.
type DepthError struct {
	Line int // of the body, from 1: the first line that goes too deep
}

func (e *DepthError) Error() string {
	return fmt.Sprintf("line %d: lists and quotes nest more than %d deep", e.Line, MaxDepth)
}

// tooDeep returns the first line of src whose lists and quotes would nest
// deeper than MaxDepth, reading each line's markers (-, *, +, 1., 1), >)
// and indentation (two columns a level, the least a list item takes), and
// skipping fenced code. It may overcount, never undercount, a line's
// depth; a real article is nowhere near the limit either way.
func tooDeep(src []byte) (int, bool) {
	fenced := false
	for n := 1; len(src) > 0; n++ {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		depth, rest := lineDepth(line)
		if bytes.HasPrefix(rest, []byte("```")) || bytes.HasPrefix(rest, []byte("~~~")) {
			fenced = !fenced
			continue
		}
		if !fenced && depth > MaxDepth {
			return n, true
		}
	}
	return 0, false
}

// lineDepth counts the container markers and indentation levels at the
// start of line, and returns what follows them.
func lineDepth(line []byte) (int, []byte) {
	markers, col, i := 0, 0, 0
	for i < len(line) {
		switch c := line[i]; {
		case c == ' ':
			col++
		case c == '\t':
			col += 4 - col%4
		case c == '>':
			markers++
		case (c == '-' || c == '*' || c == '+') && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t'):
			markers++
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j == len(line) || line[j] != '.' && line[j] != ')' {
				return markers + col/2, line[i:]
			}
			markers++
			i = j
		default:
			return markers + col/2, line[i:]
		}
		i++
	}
	return markers + col/2, nil
}
