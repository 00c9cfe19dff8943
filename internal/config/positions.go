package config

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/pelletier/go-toml/v2/unstable"
)

// positionIndex knows where each key and value of a TOML document is.
//
// Paths are dotted, with the index of an array element as one element:
// "base_url", "menu.0" (the first [[menu]] header or inline table),
// "menu.0.name" (that item's name), "params.colors".
type positionIndex struct {
	file string
	data []byte
	// valueAt maps a path to the position of its value, or of its header
	// for a table or an array element, or of its key when the value has
	// no position of its own (arrays).
	valueAt map[string]diag.Pos
	// pathOfKey maps the byte position (line, column) of each key part to
	// the path it names, so that decoder errors, which give byte positions,
	// can be placed in context.
	pathOfKey map[bytePos]string
	// pathOfValue maps the byte position of each scalar value to its path.
	pathOfValue map[bytePos]string
}

// bytePos is a line and a byte column, both counting from 1, as go-toml
// reports them.
type bytePos struct{ line, col int }

// indexPositions walks data with go-toml's unstable parser and records the
// position of every key and value. It stops at the first syntax error;
// the decoder reports that error.
func indexPositions(file string, data []byte) *positionIndex {
	ix := &positionIndex{
		file:        file,
		data:        data,
		valueAt:     map[string]diag.Pos{},
		pathOfKey:   map[bytePos]string{},
		pathOfValue: map[bytePos]string{},
	}
	var p unstable.Parser
	p.Reset(data)
	prefix := ""
	arrayLengths := map[string]int{}
	for p.NextExpression() {
		expr := p.Expression()
		switch expr.Kind {
		case unstable.Table:
			prefix = ix.addKey(&p, "", expr.Key())
			ix.valueAt[prefix] = ix.keyPos(&p, expr.Key())
		case unstable.ArrayTable:
			name := ix.addKey(&p, "", expr.Key())
			prefix = name + "." + strconv.Itoa(arrayLengths[name])
			arrayLengths[name]++
			ix.valueAt[prefix] = ix.keyPos(&p, expr.Key())
		case unstable.KeyValue:
			ix.addKeyValue(&p, prefix, expr)
		}
	}
	return ix
}

// addKey records the path of each part of a (possibly dotted) key under
// prefix and returns the full path.
func (ix *positionIndex) addKey(p *unstable.Parser, prefix string, key unstable.Iterator) string {
	path := prefix
	for key.Next() {
		part := key.Node()
		path = joinPath(path, string(part.Data))
		ix.pathOfKey[ix.bytePosOf(p, part.Raw)] = path
	}
	return path
}

// keyPos returns the position of a key's first part.
func (ix *positionIndex) keyPos(p *unstable.Parser, key unstable.Iterator) diag.Pos {
	if !key.Next() {
		return diag.Pos{File: ix.file}
	}
	return ix.pos(p, key.Node().Raw)
}

// addKeyValue records a key = value line, descending into inline tables
// and arrays.
func (ix *positionIndex) addKeyValue(p *unstable.Parser, prefix string, kv *unstable.Node) {
	path := ix.addKey(p, prefix, kv.Key())
	ix.addValue(p, path, kv.Value(), ix.keyPos(p, kv.Key()))
}

// addValue records the value at path; fallback is used when the value has
// no position of its own.
func (ix *positionIndex) addValue(p *unstable.Parser, path string, value *unstable.Node, fallback diag.Pos) {
	ix.valueAt[path] = fallback
	if value.Raw.Length > 0 {
		ix.valueAt[path] = ix.pos(p, value.Raw)
		ix.pathOfValue[ix.bytePosOf(p, value.Raw)] = path
	}
	switch value.Kind {
	case unstable.InlineTable:
		for children := value.Children(); children.Next(); {
			if child := children.Node(); child.Kind == unstable.KeyValue {
				ix.addKeyValue(p, path, child)
			}
		}
	case unstable.Array:
		i := 0
		for children := value.Children(); children.Next(); {
			if child := children.Node(); child.Kind != unstable.Comment {
				ix.addValue(p, path+"."+strconv.Itoa(i), child, ix.valueAt[path])
				i++
			}
		}
	}
}

// bytePosOf returns the line and byte column where r starts.
func (ix *positionIndex) bytePosOf(p *unstable.Parser, r unstable.Range) bytePos {
	start := p.Shape(r).Start
	return bytePos{start.Line, start.Column}
}

// pos returns the diag position where r starts, its column in characters.
func (ix *positionIndex) pos(p *unstable.Parser, r unstable.Range) diag.Pos {
	start := p.Shape(r).Start
	return ix.diagPos(start.Line, start.Column)
}

// diagPos converts a line and byte column to a diag position whose column
// counts characters.
func (ix *positionIndex) diagPos(line, byteCol int) diag.Pos {
	if line <= 0 {
		return diag.Pos{File: ix.file}
	}
	rest := ix.data
	for range line - 1 {
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			return diag.Pos{File: ix.file, Line: line, Col: byteCol}
		}
		rest = rest[i+1:]
	}
	prefix := rest[:min(max(byteCol-1, 0), len(rest))]
	return diag.Pos{File: ix.file, Line: line, Col: utf8.RuneCount(prefix) + 1}
}

// at returns the position of path's value, or of the nearest enclosing
// table when path has none (for instance a key the file leaves out), or
// the whole file.
func (ix *positionIndex) at(path string) diag.Pos {
	for path != "" {
		if pos, ok := ix.valueAt[path]; ok {
			return pos
		}
		path = parentPath(path)
	}
	return diag.Pos{File: ix.file}
}

// joinPath appends a key to a dotted path.
func joinPath(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

// parentPath drops the last element of a dotted path.
func parentPath(path string) string {
	i := strings.LastIndexByte(path, '.')
	if i < 0 {
		return ""
	}
	return path[:i]
}

// lastElement returns the last element of a dotted path.
func lastElement(path string) string {
	return path[strings.LastIndexByte(path, '.')+1:]
}
