// Package yamlfield reads the values of front-matter keys from yaml.v3
// nodes, the way every key of an Almanac front matter is read: a value of
// the wrong kind is a problem at its node's file:line:col, with a hint,
// and reading goes on, so that one pass reports every problem of a file.
//
// A Reader is used by package parse for the page's own keys and by
// package figure for figures, kpis and charts. It is not safe for
// concurrent use: one Reader reads one file.
package yamlfield

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/site"
	"github.com/almanac-news/almanac/internal/slug"
)

// Reader reads the values of one file's front matter, collecting the
// problems it finds.
type Reader struct {
	File     string // the file, as problems name it
	Problems []*diag.Problem
}

// Pos is the position of node n in the file.
func (r *Reader) Pos(n *yaml.Node) diag.Pos {
	return diag.Pos{File: r.File, Line: n.Line, Col: n.Column}
}

// Errorf records an error at node n and returns it, for a hint.
func (r *Reader) Errorf(n *yaml.Node, format string, args ...any) *diag.Problem {
	p := diag.Errorf(r.Pos(n), format, args...)
	r.Problems = append(r.Problems, p)
	return p
}

// KindName names the kind of a node's value in problem messages: "a
// list", "a number", "empty", or the text itself.
func KindName(n *yaml.Node) diag.Text {
	switch n.Kind {
	case yaml.SequenceNode:
		return diag.Textf("a list")
	case yaml.MappingNode:
		return diag.Textf("a set of keys")
	case yaml.AliasNode:
		return diag.Textf("an alias")
	}
	switch n.Tag {
	case "!!int", "!!float":
		return diag.Textf("a number")
	case "!!bool":
		return diag.Textf("true/false")
	case "!!null":
		return diag.Textf("empty")
	}
	return diag.Textf("%q", n.Value)
}

// Text reads a scalar as text; numbers and dates are kept as written.
func (r *Reader) Text(name string, v *yaml.Node) string {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		r.Errorf(v, "%s must be text, not %s", name, KindName(v)).
			WithHint(`write %s: "…" on one line`, name)
		return ""
	}
	return strings.TrimSpace(v.Value)
}

// StrictText reads a text; unlike Text it takes no number, since a
// number where a text belongs is most likely a key in the wrong place.
func (r *Reader) StrictText(name string, v *yaml.Node) (string, bool) {
	if v.Kind != yaml.ScalarNode || (v.Tag != "!!str" && v.Tag != "!!timestamp") {
		r.Errorf(v, "%s must be text, not %s", name, KindName(v)).WithHint(`write %s: "…"`, name)
		return "", false
	}
	return strings.TrimSpace(v.Value), true
}

// Texts reads a list of texts, or, when single, one text as a list of one.
func (r *Reader) Texts(name string, v *yaml.Node, single bool) []string {
	if v.Kind == yaml.ScalarNode && single {
		if t := r.Text(name, v); t != "" {
			return []string{t}
		}
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		r.Errorf(v, "%s must be a list, not %s", name, KindName(v)).
			WithHint("write %s: [first, second]", name)
		return nil
	}
	out := make([]string, 0, len(v.Content))
	for _, item := range v.Content {
		if t := r.Text(name, item); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// PositionedTexts reads a list of texts (or one text) with the position
// of each, by read when it is given, else as Text; an empty list is a
// problem.
func (r *Reader) PositionedTexts(name string, v *yaml.Node, read func(*yaml.Node) (string, bool)) ([]string, []site.Position) {
	items := r.Nodes(name, v)
	if len(items) == 0 && v.Kind == yaml.SequenceNode {
		r.Errorf(v, "%s is an empty list", name).WithHint("name at least one, or remove %s", name)
	}
	var texts []string
	var at []site.Position
	for _, item := range items {
		s, ok := "", true
		if read != nil {
			s, ok = read(item)
		} else {
			s = r.Text(name, item)
			ok = s != ""
		}
		if ok {
			texts = append(texts, s)
			at = append(at, site.Position{Line: item.Line, Col: item.Column})
		}
	}
	return texts, at
}

// Nodes returns the items of a list, or a single text as a list of one.
func (r *Reader) Nodes(name string, v *yaml.Node) []*yaml.Node {
	switch {
	case v.Kind == yaml.SequenceNode:
		return v.Content
	case v.Kind == yaml.ScalarNode && v.Tag == "!!str":
		return []*yaml.Node{v}
	}
	r.Errorf(v, "%s must be a list, not %s", name, KindName(v)).WithHint("write %s: [first, second]", name)
	return nil
}

// Boolean reads true or false.
func (r *Reader) Boolean(name string, v *yaml.Node) bool {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!bool" {
		b, _ := strconv.ParseBool(strings.ToLower(v.Value))
		return b
	}
	r.Errorf(v, "%s must be true or false, not %s", name, KindName(v))
	return false
}

// Integer reads a whole number.
func (r *Reader) Integer(name string, v *yaml.Node) int {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!int" {
		if n, err := strconv.Atoi(v.Value); err == nil {
			return n
		}
	}
	r.Errorf(v, "%s must be a whole number, not %s", name, KindName(v))
	return 0
}

// Choice reads one of a fixed set of words; meanings maps other words a
// writer may use to the right one.
func (r *Reader) Choice(name string, v *yaml.Node, allowed []string, meanings map[string]string, hint diag.Text) (string, bool) {
	s, ok := r.StrictText(name, v)
	if !ok {
		return "", false
	}
	if slices.Contains(allowed, s) {
		return s, true
	}
	p := r.Errorf(v, "%s %q is not one of %s", name, s, strings.Join(allowed, ", "))
	if m, ok := meanings[strings.ToLower(s)]; ok {
		p.WithHint("write %s: %s (%s)", name, m, hint)
	} else if c := diag.Closest(s, allowed); c != "" {
		p.WithHint("did you mean %s? (%s)", c, hint)
	} else {
		p.WithHint("%s", hint)
	}
	return "", false
}

// KeyNodes returns the value node of each key of the mapping n (a figure,
// a chart), reporting keys not in known and keys given twice; what names
// the mapping in messages.
func (r *Reader) KeyNodes(what diag.Text, n *yaml.Node, known []string) map[string]*yaml.Node {
	nodes := map[string]*yaml.Node{}
	keys := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		prev, dup := keys[k.Value]
		switch {
		case !slices.Contains(known, k.Value):
			hint := diag.Textf("the keys of a %s are %s", what, strings.Join(known, ", "))
			if c := diag.Closest(k.Value, known); c != "" {
				hint = diag.Textf("did you mean %q? (%s)", c, hint)
			}
			r.Errorf(k, "%s has no key %q", what, k.Value).WithHint("%s", hint)
		case dup:
			r.Errorf(k, "key %q is given twice in this %s", k.Value, what).Also(r.Pos(prev)).
				WithHint("keep one of the two")
		default:
			keys[k.Value] = k
			if v.Kind == yaml.AliasNode && v.Alias != nil {
				v = v.Alias
			}
			nodes[k.Value] = v
		}
	}
	return nodes
}

var keyForm = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ValidKey reports whether s is a key: a-z, 0-9 and single hyphens
// between them (an indicator, a chart id).
func ValidKey(s string) bool { return keyForm.MatchString(s) }

// ExampleKey suggests a key made from s, or fallback.
func ExampleKey(s, fallback string) string {
	if k := slug.Make(s); ValidKey(k) {
		return k
	}
	return fallback
}
