package yamlfield

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/almanac-news/almanac/internal/diag"
)

// TestParsePlacesErrorsOnTheirLine: yaml.v3 counts its parser's lines
// from 0 and names a block for a misindented line; Parse gives the line
// of the file that breaks the text.
func TestParsePlacesErrorsOnTheirLine(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"type: bar\ntitle: a: b\n", "f.md:11:1 mapping values are not allowed in this context"},
		{"type: bar\n- x\n", "f.md:11:1 did not find expected key"},
		{"type: bar\ntitle: T\nindicators: [a, b\nperiods: [x]\n", "f.md:12:1 did not find expected ',' or ']'"},
		{"figures:\n  - indicator: a\n    period: 2020\n     value: 1\n", "f.md:13:6 mapping values are not allowed in this context"},
		{"a:\n  - b\n - c\n", "f.md:12:2 did not find expected key"},
	} {
		_, err := Parse("f.md", []byte(tc.text), 9)
		if err == nil {
			t.Errorf("%q: no error", tc.text)
			continue
		}
		if got := err.Pos.String() + " " + err.Msg; got != tc.want {
			t.Errorf("%q: got %s, want %s", tc.text, got, tc.want)
		}
	}
	root, err := Parse("f.md", []byte("a: 1\nb: [x]\n"), 9)
	if err != nil || root.Content[2].Line != 11 {
		t.Errorf("lines do not count from the file's first: %v %+v", err, root)
	}
	if root, err := Parse("f.md", nil, 9); root != nil || err != nil {
		t.Errorf("an empty text: %v %v", root, err)
	}
}

func TestChoiceSuggests(t *testing.T) {
	r := &Reader{File: "f.md"}
	node := func(s string) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Line: 3, Column: 9}
	}
	allowed := []string{"over", "nearly", "about"}
	meanings := map[string]string{"trên": "over"}
	if s, ok := r.Choice("qualifier", node("about"), allowed, meanings, diag.Textf("hint")); !ok || s != "about" {
		t.Errorf("about: %q %v", s, ok)
	}
	r.Choice("qualifier", node("Trên"), allowed, meanings, diag.Textf("hint"))
	r.Choice("qualifier", node("abuot"), allowed, meanings, diag.Textf("hint"))
	r.Choice("qualifier", node("zzzzzz"), allowed, meanings, diag.Textf("hint"))
	want := []string{
		`f.md:3:9: qualifier "Trên" is not one of over, nearly, about; write qualifier: over (hint)`,
		`f.md:3:9: qualifier "abuot" is not one of over, nearly, about; did you mean about? (hint)`,
		`f.md:3:9: qualifier "zzzzzz" is not one of over, nearly, about; hint`,
	}
	if len(r.Problems) != len(want) {
		t.Fatalf("%d problems: %v", len(r.Problems), r.Problems)
	}
	for i, p := range r.Problems {
		if p.Error() != want[i] {
			t.Errorf("got  %s\nwant %s", p.Error(), want[i])
		}
	}
}

func TestKeyNodesAndTexts(t *testing.T) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte("id: a\ntitel: T\nid: b\nlist: [x, y]\nempty: []\n"), &doc); err != nil {
		t.Fatal(err)
	}
	r := &Reader{File: "f.md"}
	nodes := r.KeyNodes(diag.Textf("chart"), doc.Content[0], []string{"id", "title", "list", "empty"})
	texts, at := r.PositionedTexts("list", nodes["list"], nil)
	r.PositionedTexts("empty", nodes["empty"], nil)
	if strings.Join(texts, ",") != "x,y" || at[1].Line != 4 || at[1].Col != 11 {
		t.Errorf("list: %v %v", texts, at)
	}
	var got []string
	for _, p := range r.Problems {
		got = append(got, p.Error())
	}
	want := `f.md:2:1: chart has no key "titel"; did you mean "title"? (the keys of a chart are id, title, list, empty)` + "\n" +
		`f.md:3:1: key "id" is given twice in this chart (see also f.md:1:1); keep one of the two` + "\n" +
		`f.md:5:8: empty is an empty list; name at least one, or remove empty`
	if strings.Join(got, "\n") != want {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}
