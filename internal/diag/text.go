package diag

import (
	"fmt"
	"strings"

	"github.com/almanac-news/almanac/internal/messages"
)

// Text is a message not yet rendered: an English format and its
// arguments. String renders it in English, In in any language of the
// message catalog. A Text given as the argument of another message
// (diag.Errorf(pos, "%s", t), Textf("%s and %s", a, b)) is rendered in
// that message's language, so that a package can build a message in
// parts without fixing its language; a Text with no arguments is a
// translated word or phrase, such as Textf("chart").
type Text struct {
	format string
	args   []any
}

// Textf returns the text of format and args.
func Textf(format string, args ...any) Text { return Text{format: format, args: args} }

// String is the text in English.
func (t Text) String() string { return t.In(messages.English) }

// In is the text in l.
func (t Text) In(l messages.Language) string {
	if t.format == "" && t.args == nil {
		return ""
	}
	return messages.Sprintf(l, t.format, t.args...)
}

// IsZero reports whether t is the zero Text, which renders as "".
func (t Text) IsZero() bool { return t.format == "" && t.args == nil }

// MessageIn is what is wrong, in l. A message set directly in Msg,
// rather than by Errorf or Warnf, or changed since, is said as it is
// (in English) unless the catalog holds it as a whole.
func (p *Problem) MessageIn(l messages.Language) string { return said(l, p.Msg, p.msg) }

// HintIn is how to fix it, in l; "" when there is no hint.
func (p *Problem) HintIn(l messages.Language) string { return said(l, p.Hint, p.hint) }

func said(l messages.Language, english string, t Text) string {
	if l == messages.English {
		return english
	}
	if !t.IsZero() {
		if t.String() == english {
			return t.In(l)
		}
		return english // changed after it was made: its parts are unknown
	}
	if messages.Has(l, english) && !strings.Contains(english, "%") {
		return messages.Format(l, english)
	}
	return english
}

// In is the problem in l, as one line, as Error writes it in English:
//
//	file:line:col: warning: message (see also file:line:col); hint
//	file:line:col: cảnh báo: message (xem thêm file:line:col); hint
func (p *Problem) In(l messages.Language) string {
	var b strings.Builder
	b.WriteString(p.Pos.String())
	if p.Severity == SeverityWarning {
		b.WriteString(": ")
		b.WriteString(messages.Format(l, "warning"))
	}
	b.WriteString(": ")
	b.WriteString(p.Explained(l))
	return b.String()
}

// Explained is what the problem says without its position, in l: the
// message, the other places involved and the hint.
func (p *Problem) Explained(l messages.Language) string {
	var b strings.Builder
	b.WriteString(p.MessageIn(l))
	for _, r := range p.Related {
		b.WriteString(messages.Sprintf(l, " (see also %s)", r))
	}
	if hint := p.HintIn(l); hint != "" {
		b.WriteString("; ")
		b.WriteString(hint)
	}
	return b.String()
}

// In is every problem in l, one a line, as Error writes them in English.
func (e Errors) In(l messages.Language) string {
	lines := make([]string, len(e))
	for i, p := range e {
		lines[i] = p.In(l)
	}
	return strings.Join(lines, "\n")
}

var _ fmt.Stringer = Text{}
