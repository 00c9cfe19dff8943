// Package diag carries build problems with their positions.
//
// Every problem Almanac reports names the file, line and column it comes
// from, says what is wrong and, where it can, how to fix it:
//
//	content/tin-tuc/bao-cao.md:3:7: date "30/12/2020" is not a date; write it as 2020-12-30 or 2020-12-30T15:01:00+07:00
//
// A stage collects every problem it finds in a List instead of stopping at
// the first, so that a journalist sees all of them in one build.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/almanac-news/almanac/internal/messages"
)

// Pos is a position in a source file. Line and Col count from 1; a zero
// Line means the problem concerns the whole file, a zero Col the whole line.
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Severity tells errors, which fail a build, from warnings, which do not.
type Severity int

const (
	SeverityError Severity = iota
	SeverityWarning
)

// Problem is one error or warning at a position.
//
// Msg and Hint are in English, as Error prints them; a problem made by
// Errorf, Warnf and WithHint also keeps their formats and arguments, so
// that In can say it in another language.
type Problem struct {
	Pos      Pos
	Severity Severity
	Msg      string // what is wrong
	Hint     string // how to fix it; may be empty
	Related  []Pos  // other places involved, such as the second of two duplicates

	msg, hint Text // Msg and Hint unrendered; zero when they were set directly
}

// Errorf returns an error-severity problem at pos.
func Errorf(pos Pos, format string, args ...any) *Problem {
	t := Textf(format, args...)
	return &Problem{Pos: pos, Msg: t.String(), msg: t}
}

// Warnf returns a warning at pos.
func Warnf(pos Pos, format string, args ...any) *Problem {
	t := Textf(format, args...)
	return &Problem{Pos: pos, Severity: SeverityWarning, Msg: t.String(), msg: t}
}

// WithHint sets the fix suggestion and returns p.
func (p *Problem) WithHint(format string, args ...any) *Problem {
	p.hint = Textf(format, args...)
	p.Hint = p.hint.String()
	return p
}

// Also records another position involved and returns p.
func (p *Problem) Also(pos Pos) *Problem {
	p.Related = append(p.Related, pos)
	return p
}

// Error is the problem in English, as one line:
//
//	file:line:col: warning: message (see also file:line:col); hint
func (p *Problem) Error() string { return p.In(messages.English) }

// List collects problems; it is safe for concurrent use.
type List struct {
	mu       sync.Mutex
	problems []*Problem
}

// Add appends problems; nil ones are ignored.
func (l *List) Add(ps ...*Problem) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, p := range ps {
		if p != nil {
			l.problems = append(l.problems, p)
		}
	}
}

// Merge appends every problem of other.
func (l *List) Merge(other *List) {
	l.Add(other.Problems()...)
}

// Problems returns the problems sorted by file, line and column.
func (l *List) Problems() []*Problem {
	l.mu.Lock()
	ps := slices.Clone(l.problems)
	l.mu.Unlock()
	slices.SortStableFunc(ps, func(a, b *Problem) int {
		return cmp.Or(
			strings.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			strings.Compare(a.Msg, b.Msg))
	})
	return ps
}

// Errors returns the error-severity problems, sorted.
func (l *List) Errors() []*Problem { return l.filter(SeverityError) }

// Warnings returns the warnings, sorted.
func (l *List) Warnings() []*Problem { return l.filter(SeverityWarning) }

func (l *List) filter(s Severity) []*Problem {
	var out []*Problem
	for _, p := range l.Problems() {
		if p.Severity == s {
			out = append(out, p)
		}
	}
	return out
}

// Err returns nil when the list holds no errors, and otherwise an error
// whose message lists every error, one per line.
func (l *List) Err() error {
	errs := l.Errors()
	if len(errs) == 0 {
		return nil
	}
	return Errors(errs)
}

// Errors is the error returned by List.Err.
type Errors []*Problem

func (e Errors) Error() string {
	lines := make([]string, len(e))
	for i, p := range e {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Count writes n and a noun that takes a plural -s: "1 error", "3 errors".
func Count(n int, noun string) string { return messages.Count(messages.English, n, noun) }

// HasError reports whether ps holds an error, not only warnings.
func HasError(ps []*Problem) bool {
	return slices.ContainsFunc(ps, func(p *Problem) bool { return p.Severity == SeverityError })
}
