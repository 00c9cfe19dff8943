package shortcode

import (
	"fmt"
	"html/template"
	"strconv"

	"github.com/almanac-news/almanac/internal/diag"
)

// Call is one shortcode call, as templates see it (docs/content.md,
// "Shortcodes"): the names of its fields and methods are Hugo's.
type Call struct {
	Name          string // as written, "figure" or "docs/note"
	Markdown      bool   // written {{% … %}}: what it gives is read as Markdown
	Args          []Arg  // in the order written
	IsNamedParams bool   // the arguments have names
	HasInner      bool   // a closing tag follows: Inner is what is between
	Ordinal       int    // its place among the calls of the same parent (or page), from 0
	Parent        *Call  // the call whose inner content holds this one; nil at the top
	Offset        int    // where "{{" is, in the page's Markdown

	// Inner is the content between the tags, its own calls expanded:
	// template.HTML when the site trusts its writers' HTML (allow_html),
	// else a string, which html/template escapes.
	Inner any
	// Page is the page the call is on, and Site the site's settings, as
	// the Handler was given them.
	Page, Site any

	host                 Host   // what built-ins and the methods above ask of the page
	innerText            string // Inner as text
	innerStart, innerEnd int    // the inner content's bytes in the page's Markdown
}

// Get returns a positional argument by its index (0, 1, …) or a named one
// by its name, or "" when the call has no such argument, as Hugo's does.
func (c *Call) Get(key any) any {
	switch k := key.(type) {
	case int:
		if !c.IsNamedParams && k >= 0 && k < len(c.Args) {
			return c.Args[k].Value
		}
	case string:
		if n, err := strconv.Atoi(k); err == nil && !c.IsNamedParams {
			return c.Get(n)
		}
		for _, a := range c.Args {
			if a.Key == k {
				return a.Value
			}
		}
	}
	return ""
}

// String is the argument as text: "" when there is none.
func (c *Call) String(key any) string {
	switch v := c.Get(key).(type) {
	case string:
		return v
	default:
		return fmt.Sprint(v)
	}
}

// Params are the arguments: a map by name when they are named, else a
// list in order, as Hugo's .Params.
func (c *Call) Params() any {
	if c.IsNamedParams {
		m := make(map[string]any, len(c.Args))
		for _, a := range c.Args {
			m[a.Key] = a.Value
		}
		return m
	}
	list := make([]any, len(c.Args))
	for i, a := range c.Args {
		list[i] = a.Value
	}
	return list
}

// InnerText is the inner content as written, its calls expanded.
func (c *Call) InnerText() string { return c.innerText }

// InnerHTML is the inner content converted as Markdown with the page's
// rules (raw HTML kept only when the site allows it).
func (c *Call) InnerHTML() template.HTML {
	if c.host == nil || c.innerText == "" {
		return ""
	}
	return c.host.Markdown(c.innerText)
}

// URL is dest, a site path or a file beside the page, as the page links
// to it: under the site's base URL, and absolute in feeds.
func (c *Call) URL(dest string) string {
	if c.host == nil {
		return dest
	}
	return c.host.Link(dest)
}

// Picture is what the build knows of the picture at dest, a file beside
// the page: its size and smaller copies; the zero Picture when it knows nothing.
func (c *Call) Picture(dest string) Picture {
	if c.host == nil {
		return Picture{}
	}
	p, _ := c.host.Picture(dest)
	return p
}

// Output is what a call gives, and how it is placed (package comment).
type Output struct {
	kind  outputKind
	value string
}

type outputKind int

const (
	kindHTML outputKind = iota
	kindMarkdown
	kindText
)

// HTML is output placed as it is in the converted page.
func HTML(h template.HTML) Output { return Output{kind: kindHTML, value: string(h)} }

// Markdown is output written where the call was and converted with the page.
func Markdown(md string) Output { return Output{kind: kindMarkdown, value: md} }

// Text is output written where the call was, read as plain text.
func Text(s string) Output { return Output{kind: kindText, value: s} }

// Handler renders calls. A problem without a position is placed at the call.
type Handler interface {
	Render(c *Call) (Output, *diag.Problem)
}
