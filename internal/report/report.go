// Package report prints the problems of a site for a person or a tool.
//
// Three formats are known, each printing the messages in the printer's
// language (Printer.Lang):
//
//   - text, one problem a line as diag.Problem prints it:
//     content/tin/a.md:10:13: warning: change -9.5 of output in 2020 does not follow from the values…
//   - github, one GitHub Actions workflow command a line, which GitHub
//     shows as an annotation on the file:
//     ::warning file=content/tin/a.md,line=10,col=13::change -9.5 of output…
//   - json, one JSON object a line (JSON Lines), described by Problem.
//
// Auto chooses github inside a GitHub Actions job and text elsewhere.
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/messages"
)

// Format is a way of printing problems.
type Format string

// The formats.
const (
	Text   Format = "text"
	GitHub Format = "github"
	JSON   Format = "json"
)

// Formats lists the formats, for messages and completion.
func Formats() []Format { return []Format{Text, GitHub, JSON} }

// ParseFormat returns the format of that name.
func ParseFormat(name string) (Format, error) {
	for _, f := range Formats() {
		if string(f) == name {
			return f, nil
		}
	}
	return "", fmt.Errorf("%q is not a format; use text, github or json", name)
}

// Auto is the format when none is asked for: github when the environment
// says the command runs in GitHub Actions (GITHUB_ACTIONS=true), text
// otherwise.
func Auto(getenv func(string) string) Format {
	if getenv("GITHUB_ACTIONS") == "true" {
		return GitHub
	}
	return Text
}

// Printer prints problems in one format.
type Printer struct {
	W      io.Writer
	Format Format
	// Dir is the site folder the problems' files are relative to, as the
	// user gave it. The github and json formats put it before each file,
	// so that the file is named from the current folder; "" and "." add
	// nothing. Text keeps the site-relative names.
	Dir string
	// Lang is the language of the messages, the zero value English.
	Lang messages.Language
}

// Print prints each problem on its own line.
func (p *Printer) Print(problems ...*diag.Problem) error {
	for _, pr := range problems {
		var line string
		switch p.Format {
		case GitHub:
			line = p.annotation(pr)
		case JSON:
			b, err := json.Marshal(p.object(pr))
			if err != nil {
				return err
			}
			line = string(b)
		default:
			line = pr.In(p.Lang)
		}
		if _, err := io.WriteString(p.W, line+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// Message is what a problem says without its position, in English: the
// message, the other places involved and the hint.
func Message(pr *diag.Problem) string { return pr.Explained(messages.English) }

// Severity names a severity as the github and json formats write it.
func Severity(s diag.Severity) string {
	if s == diag.SeverityWarning {
		return "warning"
	}
	return "error"
}

// file is the name a problem's file is printed under; "" when the problem
// is not about a file (its "file" is a command-line flag, such as
// --base-url).
func (p *Printer) file(name string) string {
	if name == "" || strings.HasPrefix(name, "-") {
		return ""
	}
	if p.Dir == "" || p.Dir == "." {
		return name
	}
	return path.Join(filepath.ToSlash(p.Dir), name)
}

// annotation writes a problem as a GitHub workflow command.
func (p *Printer) annotation(pr *diag.Problem) string {
	var props []string
	if f := p.file(pr.Pos.File); f != "" {
		props = append(props, "file="+escapeProperty(f))
		if pr.Pos.Line > 0 {
			props = append(props, "line="+strconv.Itoa(pr.Pos.Line))
		}
		if pr.Pos.Col > 0 {
			props = append(props, "col="+strconv.Itoa(pr.Pos.Col))
		}
	}
	msg := pr.Explained(p.Lang)
	if f := p.file(pr.Pos.File); f == "" && pr.Pos.File != "" {
		msg = pr.Pos.File + ": " + msg // a flag: say which
	}
	cmd := "::" + Severity(pr.Severity)
	if len(props) > 0 {
		cmd += " " + strings.Join(props, ",")
	}
	return cmd + "::" + escapeData(msg)
}

// escapeData escapes a workflow command's message as GitHub's toolkit
// does: %, CR and LF.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value: also : and ,.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
