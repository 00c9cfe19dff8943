package parse

import (
	"slices"

	"gopkg.in/yaml.v3"

	"github.com/almanac-news/almanac/internal/site"
	"github.com/almanac-news/almanac/internal/yamlfield"
)

// corrections reads corrections: a list of {date, text}, both required,
// what a newsroom tells readers it corrected after publication. They are
// kept oldest first.
func (f *fields) corrections(v *yaml.Node) {
	if v.Kind != yaml.SequenceNode {
		f.Errorf(v, "corrections must be a list, not %s", yamlfield.KindName(v)).
			WithHint("write\ncorrections:\n  - date: 2021-01-04\n    text: \"…\"")
		return
	}
	for _, item := range v.Content {
		if c, ok := f.correction(item); ok {
			f.page.Corrections = append(f.page.Corrections, c)
		}
	}
	slices.SortStableFunc(f.page.Corrections, func(a, b site.Correction) int { return a.Date.Compare(b.Date) })
}

func (f *fields) correction(item *yaml.Node) (site.Correction, bool) {
	var c site.Correction
	if item.Kind != yaml.MappingNode {
		f.Errorf(item, "a correction must be a set of keys, not %s", yamlfield.KindName(item)).
			WithHint("write - date: 2021-01-04, then text: \"…\" under it")
		return c, false
	}
	var date *yaml.Node
	for i := 0; i+1 < len(item.Content); i += 2 {
		k, val := item.Content[i], item.Content[i+1]
		switch k.Value {
		case "date":
			date = val
		case "text":
			c.Text = f.Text("text", val)
		default:
			f.Errorf(k, "a correction has no key %q", k.Value).WithHint("a correction takes date and text")
		}
	}
	if date == nil || c.Text == "" {
		f.Errorf(item, "a correction needs a date and a text").
			WithHint("write - date: 2021-01-04, then text: \"…\" under it")
		return c, false
	}
	c.Date, c.DateOnly = f.decodeDate("date", date)
	return c, !c.Date.IsZero()
}

// correctedLastmod makes the latest correction's date the page's Lastmod
// when it is later: a correction is a modification.
func correctedLastmod(p *site.Page) {
	if n := len(p.Corrections); n > 0 && p.Corrections[n-1].Date.After(p.Lastmod) {
		p.Lastmod, p.LastmodDateOnly = p.Corrections[n-1].Date, p.Corrections[n-1].DateOnly
	}
}
