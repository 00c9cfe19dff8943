package report

import "github.com/almanac-news/almanac/internal/diag"

// Problem is the JSON object the json format prints for each problem, one
// object a line:
//
//	{"file":"content/tin/a.md","line":10,"column":13,"severity":"warning",
//	 "message":"change -9.5 of output in 2020 does not follow from the values: …",
//	 "hint":"check the three numbers: …",
//	 "related":[{"file":"content/tin/a.md","line":11,"column":5}]}
//
// Every key is always present. Line and column count from 1; 0 means the
// problem concerns the whole file (line) or the whole line (column). File
// is "" when the problem is about a command-line flag rather than a file;
// the flag is then named in the message. Severity is "error" or "warning".
// Message is what is wrong and Hint, possibly "", how to fix it, both in
// the printer's language; Related
// lists other places involved, possibly none.
type Problem struct {
	File     string     `json:"file"`
	Line     int        `json:"line"`
	Column   int        `json:"column"`
	Severity string     `json:"severity"`
	Message  string     `json:"message"`
	Hint     string     `json:"hint"`
	Related  []Position `json:"related"`
}

// Position is another place a problem involves.
type Position struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

func (p *Printer) object(pr *diag.Problem) Problem {
	msg := pr.MessageIn(p.Lang)
	file := p.file(pr.Pos.File)
	if file == "" && pr.Pos.File != "" {
		msg = pr.Pos.File + ": " + msg
	}
	related := []Position{}
	for _, r := range pr.Related {
		related = append(related, Position{File: p.file(r.File), Line: r.Line, Column: r.Col})
	}
	return Problem{File: file, Line: pr.Pos.Line, Column: pr.Pos.Col, Severity: Severity(pr.Severity),
		Message: msg, Hint: pr.HintIn(p.Lang), Related: related}
}
