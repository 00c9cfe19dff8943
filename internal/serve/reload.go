package serve

import (
	"bytes"
	_ "embed"
	"html/template"
	"net/http"
	"slices"
)

// reloadScriptPath serves reload.js, which every HTML response loads.
const reloadScriptPath = "/_almanac/reload.js"

// reloadScriptTag is what HTML responses get before </body>: an external,
// deferred script, so that no inline JavaScript is needed. It carries the
// build the page comes from, so that a page whose build was replaced
// before its event stream connected reloads at once.
var reloadScriptTag = template.Must(template.New("tag").Parse(
	`<script src="` + reloadScriptPath + `" data-instance="{{.Instance}}" data-build="{{.Build}}" defer></script>`))

// pageStamp names the build a page comes from: the server's instance and
// the build number (0 while the first build runs).
type pageStamp struct {
	Instance string
	Build    uint64
}

// reloadScript keeps an open page in step with the build; see the file.
//
//go:embed reload.js
var reloadScript []byte

func serveReloadScript(w http.ResponseWriter, r *http.Request) {
	serveBytes(w, r, http.StatusOK, contentTypes[".js"], reloadScript, nil)
}

// injectReloadScript returns a copy of page with the reload script tag
// just before its last </body>, or at its end when it has none.
func injectReloadScript(page, tag []byte) []byte {
	at := lastIndexASCIIFold(page, []byte("</body"))
	if at < 0 {
		at = len(page)
	}
	return slices.Concat(page[:at], tag, page[at:])
}

// renderTag writes the reload script tag of a build, once per build: the
// template's lock is not taken on every response.
func renderTag(stamp pageStamp) []byte {
	var tag bytes.Buffer
	_ = reloadScriptTag.Execute(&tag, stamp) // cannot fail: two plain fields
	return tag.Bytes()
}

// insertAfterBodyStart returns a copy of page with fragment just after its
// <body …> start tag, or before </body> or at the end when it has none.
func insertAfterBodyStart(page, fragment []byte) []byte {
	at := bodyContentStart(page)
	if at < 0 {
		at = lastIndexASCIIFold(page, []byte("</body"))
	}
	if at < 0 {
		at = len(page)
	}
	return slices.Concat(page[:at], fragment, page[at:])
}

// bodyContentStart returns the offset just after the <body> start tag, or -1.
func bodyContentStart(page []byte) int {
	for from := 0; ; {
		i := indexASCIIFold(page[from:], []byte("<body"))
		if i < 0 {
			return -1
		}
		i += from + len("<body")
		if i < len(page) && bytes.IndexByte([]byte(" \t\r\n\f/>"), page[i]) >= 0 {
			return tagEnd(page, i)
		}
		from = i
	}
}

// tagEnd returns the offset after the '>' that closes the tag whose
// attributes start at from, skipping quoted attribute values, or -1.
func tagEnd(page []byte, from int) int {
	var quote byte
	for i := from; i < len(page); i++ {
		switch c := page[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + 1
		}
	}
	return -1
}

// indexASCIIFold is bytes.Index ignoring the case of ASCII letters; it
// never changes byte offsets, unlike lowering the whole page.
func indexASCIIFold(s, pattern []byte) int {
	for i := 0; i+len(pattern) <= len(s); i++ {
		if equalASCIIFold(s[i:i+len(pattern)], pattern) {
			return i
		}
	}
	return -1
}

// lastIndexASCIIFold is bytes.LastIndex ignoring the case of ASCII letters.
func lastIndexASCIIFold(s, pattern []byte) int {
	for i := len(s) - len(pattern); i >= 0; i-- {
		if equalASCIIFold(s[i:i+len(pattern)], pattern) {
			return i
		}
	}
	return -1
}

func equalASCIIFold(a, b []byte) bool {
	for i := range a {
		if lowerASCII(a[i]) != lowerASCII(b[i]) {
			return false
		}
	}
	return true
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// renderTemplate executes one of the server's own page templates. They
// only fail on a programming error, which the tests catch.
func renderTemplate(t *template.Template, name string, data any) []byte {
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, name, data); err != nil {
		panic("serve: executing template " + name + ": " + err.Error())
	}
	return b.Bytes()
}
