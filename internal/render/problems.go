package render

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/almanac-news/almanac/internal/diag"
)

// templateErrorPattern matches the messages of text/template and
// html/template: "template: article.html:12: unexpected …",
// "template: base.html:3:14: executing …" and "html/template:base.html:3:14: …".
var templateErrorPattern = regexp.MustCompile(`(?s)^(?:html/)?template: ?([^:\s]+):(\d+)(?::(\d+))?: (.*)$`)

// templatePos parses a "NAME:LINE[:COL]" prefix of a template error
// message into a position under layouts/ and returns the rest of the
// message. Columns are bytes, counted from 1. Messages without a position give a position of layouts/ itself.
func templatePos(msg string) (diag.Pos, string) {
	m := templateErrorPattern.FindStringSubmatch(msg)
	if m == nil {
		return diag.Pos{File: layoutsDir}, strings.TrimPrefix(strings.TrimPrefix(msg, "html/template: "), "template: ")
	}
	line, _ := strconv.Atoi(m[2])
	col := 0
	if m[3] != "" {
		col, _ = strconv.Atoi(m[3])
		col++ // templates count columns from 0, diag from 1
	}
	return diag.Pos{File: layoutsDir + "/" + m[1], Line: line, Col: col}, m[4]
}

// templateProblem turns a template parse, escape or execution error into
// a problem at the template's file, line and column, with a hint for the
// common mistakes.
func templateProblem(err error) *diag.Problem {
	pos, msg := templatePos(err.Error())
	return diag.Errorf(pos, "%s", msg).WithHint("%s", templateHint(msg))
}

// templateHint suggests a fix for a template error message.
func templateHint(msg string) diag.Text {
	switch {
	case strings.Contains(msg, "function") && strings.Contains(msg, "not defined"):
		return diag.Textf("the functions a theme can call are %s, and those of Go's text/template", strings.Join(funcNames(), ", "))
	case strings.Contains(msg, "no such template"):
		return diag.Textf("partials are called by their path, e.g. {{template \"partials/card.html\" .}}; check that the file exists under layouts/partials/")
	case strings.Contains(msg, "unclosed action") || strings.Contains(msg, "unexpected EOF"):
		return diag.Textf("close every {{ with }} and every {{if}}, {{range}}, {{with}}, {{define}} and {{block}} with {{end}}")
	case strings.Contains(msg, "branches end in different contexts") || strings.Contains(msg, "ends in a non-text context"):
		return diag.Textf("open and close every tag, attribute quote and comment inside the same branch or template, so html/template can escape what follows")
	case strings.Contains(msg, "executing"):
		return diag.Textf("the page data a template receives is described in the render package's documentation (PageData)")
	}
	return diag.Textf("see https://pkg.go.dev/text/template for the template syntax")
}
