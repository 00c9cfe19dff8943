package parse

import (
	"errors"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
	"gopkg.in/yaml.v3"

	"github.com/almanac-news/almanac/internal/diag"
)

// tomlToNode decodes TOML front matter into the same YAML node tree the
// other formats give, keeping each key's position, so that one decoder
// serves all three formats. go-toml checks the document first (duplicate
// keys, bad values); its unstable parser then gives the positions.
func tomlToNode(file string, data []byte, offset int) (*yaml.Node, *diag.Problem) {
	if err := toml.Unmarshal(data, new(map[string]any)); err != nil {
		line, col := 1, 1
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, col = de.Position()
		}
		return nil, diag.Errorf(diag.Pos{File: file, Line: line + offset, Col: col},
			"front matter is not valid TOML: %v", err).
			WithHint(`write keys as key = "value", one per line`)
	}
	b := tomlBuilder{root: mapping(1, 1), offset: offset}
	b.current = b.root
	p := unstable.Parser{KeepComments: false}
	p.Reset(data)
	for p.NextExpression() {
		b.expression(&p, p.Expression())
	}
	return b.root, nil
}

type tomlBuilder struct {
	root, current *yaml.Node
	offset        int
}

func mapping(line, col int) *yaml.Node {
	return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: line, Column: col}
}

func (b *tomlBuilder) expression(p *unstable.Parser, e *unstable.Node) {
	switch e.Kind {
	case unstable.KeyValue:
		keys, line, col := b.key(p, e.Key())
		parent := b.path(b.current, keys[:len(keys)-1], line, col)
		setKey(parent, keys[len(keys)-1], line, col, b.value(p, e.Value(), line, col))
	case unstable.Table:
		keys, line, col := b.key(p, e.Key())
		b.current = b.path(b.root, keys, line, col)
	case unstable.ArrayTable:
		keys, line, col := b.key(p, e.Key())
		parent := b.path(b.root, keys[:len(keys)-1], line, col)
		seq := lookup(parent, keys[len(keys)-1])
		if seq == nil {
			seq = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: line, Column: col}
			setKey(parent, keys[len(keys)-1], line, col, seq)
		}
		b.current = mapping(line, col)
		seq.Content = append(seq.Content, b.current)
	}
}

func (b *tomlBuilder) key(p *unstable.Parser, it unstable.Iterator) ([]string, int, int) {
	var keys []string
	line, col := 0, 0
	for it.Next() {
		n := it.Node()
		if line == 0 {
			s := p.Shape(n.Raw)
			line, col = s.Start.Line+b.offset, s.Start.Column
		}
		keys = append(keys, string(n.Data))
	}
	return keys, line, col
}

// path walks (creating as needed) the mappings named by keys below n.
func (b *tomlBuilder) path(n *yaml.Node, keys []string, line, col int) *yaml.Node {
	for _, k := range keys {
		next := lookup(n, k)
		if next == nil {
			next = mapping(line, col)
			setKey(n, k, line, col, next)
		}
		if next.Kind == yaml.SequenceNode && len(next.Content) > 0 { // [[a]] then [a.b]
			next = next.Content[len(next.Content)-1]
		}
		n = next
	}
	return n
}

func lookup(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func setKey(m *yaml.Node, key string, line, col int, v *yaml.Node) {
	k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: line, Column: col}
	m.Content = append(m.Content, k, v)
}

func (b *tomlBuilder) value(p *unstable.Parser, v *unstable.Node, line, col int) *yaml.Node {
	if v.Raw.Length > 0 {
		s := p.Shape(v.Raw)
		line, col = s.Start.Line+b.offset, s.Start.Column
	}
	scalar := func(tag string) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: string(v.Data), Line: line, Column: col}
	}
	switch v.Kind {
	case unstable.String:
		return scalar("!!str")
	case unstable.Bool:
		return scalar("!!bool")
	case unstable.Integer:
		n := scalar("!!int")
		n.Value = strings.ReplaceAll(n.Value, "_", "")
		return n
	case unstable.Float:
		n := scalar("!!float")
		n.Value = strings.ReplaceAll(n.Value, "_", "")
		return n
	case unstable.Array:
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: line, Column: col}
		for it := v.Children(); it.Next(); {
			seq.Content = append(seq.Content, b.value(p, it.Node(), line, col))
		}
		return seq
	case unstable.InlineTable:
		m := mapping(line, col)
		for it := v.Children(); it.Next(); {
			kv := it.Node()
			keys, kl, kc := b.key(p, kv.Key())
			parent := b.path(m, keys[:len(keys)-1], kl, kc)
			setKey(parent, keys[len(keys)-1], kl, kc, b.value(p, kv.Value(), kl, kc))
		}
		return m
	}
	return scalar("!!str") // dates and times: kept as written, parsed by the date decoder
}
