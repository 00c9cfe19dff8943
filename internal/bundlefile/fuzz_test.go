package bundlefile

import (
	"bytes"
	"testing"
	"testing/fstest"
)

// FuzzCheck checks any file, as an SVG picture and under another name: no
// input makes Check panic, and every problem is an error with a hint at a
// line and column of the file.
func FuzzCheck(f *testing.F) {
	f.Add([]byte(svgOpen + "<script>alert(1)</script></svg>"))
	f.Add([]byte(svgOpen + `<a xlink:href="#a" style="fill:\75 rl(x)"><set attributeName="href" to="#b"/></a></svg>`))
	f.Add([]byte(`<?xml version="1.0" encoding="latin1"?><!DOCTYPE svg [<!ENTITY a "b">]>` + svgOpen + "&a;</svg>"))
	f.Add([]byte("\xff\xfe<\x00h\x00"))
	f.Add([]byte(" \n<html>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, name := range []string{"content/a/b/hinh.svg", "content/a/b/tep.dat"} {
			for _, p := range Check(fstest.MapFS{name: {Data: data}}, name) {
				if p.Pos.File != name || p.Pos.Line < 1 || p.Pos.Line > lines || p.Pos.Col < 1 || p.Hint == "" {
					t.Errorf("%v: want an error with a hint, within the file's %d lines", p, lines)
				}
			}
		}
	})
}
