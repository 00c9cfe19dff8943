package serve

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/almanac-news/almanac/internal/messages"
)

// contentTypes are the types of the files a site holds, whatever the
// system's MIME tables say.
var contentTypes = map[string]string{
	".html":  "text/html; charset=utf-8",
	".htm":   "text/html; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".mjs":   "text/javascript; charset=utf-8",
	".svg":   "image/svg+xml",
	".csv":   "text/csv; charset=utf-8",
	".xml":   "application/xml; charset=utf-8",
	".json":  "application/json",
	".txt":   "text/plain; charset=utf-8",
	".mp3":   "audio/mpeg",
	".webp":  "image/webp",
	".woff2": "font/woff2",
}

// contentType returns the Content-Type of a file by its extension.
func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// isHTML reports whether a Content-Type is HTML.
func isHTML(contentType string) bool {
	return strings.HasPrefix(contentType, "text/html")
}

// serveFile answers a request from the current tree.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request) {
	snap := s.current.Load() // one load: the whole response comes from one build
	if snap == nil {
		s.serveBuilding(w, r)
		return
	}
	name, dir, ok := fileName(r)
	if !ok {
		s.serveNotFound(w, r, snap, "")
		return
	}
	body, found, err := snap.tree.File(name)
	if err != nil {
		serveUnreadable(w, name, err)
		return
	}
	if found {
		serveBytes(w, r, http.StatusOK, contentType(name), body, s.tag(snap))
		return
	}
	if !dir {
		if _, found, _ := snap.tree.File(name + "/index.html"); found {
			redirectToFolder(w, r, name)
			return
		}
	}
	s.serveNotFound(w, r, snap, pageURL(name))
}

// serveUnreadable answers for a file of the build whose bytes cannot be
// read back: status 500, saying which and why, as the terminal does.
func serveUnreadable(w http.ResponseWriter, name string, err error) {
	w.Header().Set("Cache-Control", "no-store")
	http.Error(w, fmt.Sprintf("almanac serve: %s: %v", name, err), http.StatusInternalServerError)
}

// pageURL returns the URL path of the page a file name serves:
// "a/index.html" → "/a/", "a.html" → "/a.html".
func pageURL(name string) string {
	if name == "index.html" || strings.HasSuffix(name, "/index.html") {
		return "/" + strings.TrimSuffix(name, "index.html")
	}
	return "/" + name
}

// fileName maps a request to the name of a file in the tree, and reports
// whether the request named a folder. It refuses, with ok false, a path
// with a ".." or empty element (after decoding), an encoded slash or
// backslash, a backslash or a NUL byte.
func fileName(r *http.Request) (name string, dir, ok bool) {
	raw := strings.ToLower(r.URL.EscapedPath())
	decoded := r.URL.Path
	switch {
	case !strings.HasPrefix(decoded, "/"), strings.Contains(decoded, "//"),
		strings.Contains(raw, "%2f"), strings.Contains(raw, "%5c"),
		strings.ContainsAny(decoded, "\\\x00"):
		return "", false, false
	}
	for elem := range strings.SplitSeq(decoded, "/") {
		if elem == ".." {
			return "", false, false
		}
	}
	clean := strings.TrimPrefix(path.Clean(decoded), "/")
	if clean == "" || strings.HasSuffix(decoded, "/") {
		if clean == "" {
			return "index.html", true, true
		}
		return clean + "/index.html", true, true
	}
	return clean, false, true
}

// redirectToFolder sends /name to /name/, keeping the query. It is a
// temporary redirect so that browsers do not remember it once the folder
// becomes a file.
func redirectToFolder(w http.ResponseWriter, r *http.Request, name string) {
	target := "/" + name + "/"
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	w.Header().Set("Location", target)
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusFound)
}

// serveBytes writes body with its type and caching headers; HTML gets the
// live-reload script. Range and If-None-Match requests are honoured.
func serveBytes(w http.ResponseWriter, r *http.Request, status int, ctype string, body, tag []byte) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	if isHTML(ctype) {
		body = injectReloadScript(body, tag)
		h.Set("Cache-Control", "no-store")
	} else {
		h.Set("Cache-Control", "no-cache") // revalidate with the ETag every time
	}
	if status != http.StatusOK {
		h.Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(status)
		if r.Method != http.MethodHead {
			w.Write(body)
		}
		return
	}
	sum := sha256.Sum256(body)
	h.Set("ETag", `"`+hex.EncodeToString(sum[:12])+`"`)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

// serveNotFound answers with the site's 404.html, or a plain page when the
// site has none, with status 404. When requested is the old URL of a
// renamed page, the page says where it went.
func (s *Server) serveNotFound(w http.ResponseWriter, r *http.Request, snap *snapshot, requested string) {
	movedTo, moved := lookupMoved(snap.moved, requested)
	page, found, _ := snap.tree.File("404.html")
	if !found {
		page = renderTemplate(pages, "404", notFoundData{Path: requested, MovedTo: movedTo, Moved: moved, T: s.pageText()})
	} else if moved {
		page = insertAfterBodyStart(page, renderTemplate(pages, "moved",
			notFoundData{Path: requested, MovedTo: movedTo, Moved: true, T: s.pageText()}))
	}
	serveBytes(w, r, http.StatusNotFound, contentTypes[".html"], page, s.tag(snap))
}

// lookupMoved finds where the page at requested went, trying it with and
// without its trailing slash.
func lookupMoved(moved map[string]string, requested string) (string, bool) {
	if requested == "" || len(moved) == 0 {
		return "", false
	}
	for _, key := range []string{requested, strings.TrimSuffix(requested, "/"), requested + "/"} {
		if to, ok := moved[key]; ok {
			return to, true
		}
	}
	return "", false
}

// serveBuilding answers before the first build is published: a page that
// reloads itself when it is.
func (s *Server) serveBuilding(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Retry-After", "1")
	serveBytes(w, r, http.StatusServiceUnavailable, contentTypes[".html"], renderTemplate(buildingPage, "building", s.pageText()), s.tag(nil))
}

// notFoundData fills the 404 templates.
type notFoundData struct {
	Path    string
	MovedTo string
	Moved   bool
	T       pageText
}

// pageText is the words of the pages the server writes itself, in the
// language of the preview's messages.
type pageText struct {
	NotFound, NoPageAt, NoPageAfter string // 404: title, and the words before and after the path
	MovedTo, MovedAfter             string // the words before and after the new address
	Building, BuildingNote          string // the page shown before the first build
}

func (s *Server) pageText() pageText {
	l := s.opts.Lang
	return pageText{
		NotFound:     messages.Format(l, "Not found"),
		NoPageAt:     messages.Format(l, "The site has no page at "),
		NoPageAfter:  messages.Format(l, "."),
		MovedTo:      messages.Format(l, "This page moved to "),
		MovedAfter:   messages.Format(l, " when its article was renamed."),
		Building:     messages.Format(l, "Building…"),
		BuildingNote: messages.Format(l, "Almanac is building the site; this page reloads when it is ready."),
	}
}

// pages are the few pages the server writes itself. Everything in them
// that comes from a request or the build is escaped by html/template.
var pages = template.Must(template.Must(template.New("moved").Parse(
	`<p id="almanac-moved" role="status">{{.T.MovedTo}}<a href="{{.MovedTo}}">{{.MovedTo}}</a>{{.T.MovedAfter}}</p>`)).
	New("404").Parse(`<!doctype html>
<html><head><meta charset="utf-8"><title>{{.T.NotFound}}</title></head>
<body>{{if .Moved}}{{template "moved" .}}{{end}}
<h1>{{.T.NotFound}}</h1>
<p>{{.T.NoPageAt}}<code>{{.Path}}</code>{{.T.NoPageAfter}}</p>
</body></html>
`))

var buildingPage = template.Must(template.New("building").Parse(`<!doctype html>
<html><head><meta charset="utf-8"><title>{{.Building}}</title></head>
<body><p>{{.BuildingNote}}</p></body></html>
`))

// tag is the reload script tag of the pages served from snap.
func (s *Server) tag(snap *snapshot) []byte {
	if snap == nil {
		return renderTag(pageStamp{Instance: s.instance})
	}
	return snap.tag
}
