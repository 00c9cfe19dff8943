package serve

import (
	"errors"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// site is a small built site; secret files sit where a traversal that
// slipped through cleaning would land.
func site() mapTree {
	return mapTree{
		"index.html":                   "<!doctype html><html><head><title>Home</title></head><body><h1>Home</h1></body></html>",
		"a/index.html":                 "<!doctype html><html><body class=\"x>y\"><p>A</p></BODY></html>",
		"a/b":                          "secret a/b",
		"etc/passwd":                   "secret passwd",
		"fragment.html":                "<p>no body tag</p>",
		"404.html":                     "<!doctype html><html><head><title>404</title></head><body>\n<h1>Không tìm thấy trang</h1>\n</body></html>",
		"assets/css/main.1a2b3c4d.css": "body{color:red} /* </body> */",
		"assets/js/app.js":             "console.log('</body>')",
		"data/gdp.csv":                 "year,value\n2024,7.1\n",
		"feed.xml":                     "<rss/>",
		"search.json":                  "{}",
		"audio/tin.mp3":                "ID3audio-bytes",
		"img/chart.webp":               "RIFFwebp",
		"img/logo.svg":                 "<svg/>",
		"img/photo.png":                "\x89PNG",
		"fonts/be.woff2":               "wOF2",
		"blob.unknownext":              "??",
	}
}

func TestContentTypes(t *testing.T) {
	r := startNew(t)
	r.Publish(site(), Change{})
	tests := []struct{ target, ctype, cache string }{
		{"/", "text/html; charset=utf-8", "no-store"},
		{"/a/", "text/html; charset=utf-8", "no-store"},
		{"/assets/css/main.1a2b3c4d.css", "text/css; charset=utf-8", "no-cache"},
		{"/assets/js/app.js", "text/javascript; charset=utf-8", "no-cache"},
		{"/data/gdp.csv", "text/csv; charset=utf-8", "no-cache"},
		{"/feed.xml", "application/xml; charset=utf-8", "no-cache"},
		{"/search.json", "application/json", "no-cache"},
		{"/audio/tin.mp3", "audio/mpeg", "no-cache"},
		{"/img/chart.webp", "image/webp", "no-cache"},
		{"/img/logo.svg", "image/svg+xml", "no-cache"},
		{"/img/photo.png", "image/png", "no-cache"},
		{"/fonts/be.woff2", "font/woff2", "no-cache"},
		{"/blob.unknownext", "application/octet-stream", "no-cache"},
		{reloadScriptPath, "text/javascript; charset=utf-8", "no-cache"},
	}
	for _, tt := range tests {
		resp, _ := r.get(t, tt.target)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: status %d", tt.target, resp.StatusCode)
		}
		if got := resp.Header.Get("Content-Type"); got != tt.ctype {
			t.Errorf("GET %s: Content-Type %q, want %q", tt.target, got, tt.ctype)
		}
		if got := resp.Header.Get("Cache-Control"); got != tt.cache {
			t.Errorf("GET %s: Cache-Control %q, want %q", tt.target, got, tt.cache)
		}
		if got := resp.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("GET %s: X-Content-Type-Options %q", tt.target, got)
		}
	}
}

func TestFileBodies(t *testing.T) {
	r := startNew(t)
	tree := site()
	r.Publish(tree, Change{})
	for _, name := range []string{"data/gdp.csv", "assets/css/main.1a2b3c4d.css", "assets/js/app.js", "audio/tin.mp3"} {
		if _, body := r.get(t, "/"+name); body != tree[name] {
			t.Errorf("GET /%s = %q, want the file unchanged: %q", name, body, tree[name])
		}
	}
	if _, body := r.get(t, reloadScriptPath); body != string(reloadScript) {
		t.Error("GET reload.js does not serve the embedded script")
	}
}

func TestReloadScriptInjectedIntoHTMLOnly(t *testing.T) {
	r := startNew(t)
	r.Publish(site(), Change{})
	tests := []struct{ target, want string }{
		{"/", "<h1>Home</h1>" + plainTag + "</body></html>"},
		{"/a/", "<p>A</p>" + plainTag + "</BODY></html>"},
		{"/fragment.html", "<p>no body tag</p>" + plainTag},
		{"/assets/css/main.1a2b3c4d.css", "body{color:red} /* </body> */"},
		{"/assets/js/app.js", "console.log('</body>')"},
	}
	for _, tt := range tests {
		if _, body := r.get(t, tt.target); !strings.HasSuffix(unstamp(body), tt.want) {
			t.Errorf("GET %s = %q, want it to end %q", tt.target, body, tt.want)
		}
	}
	if _, body := r.get(t, "/data/gdp.csv"); strings.Contains(body, "script") {
		t.Errorf("CSV got the reload script: %q", body)
	}
}

func TestPathTraversalRefused(t *testing.T) {
	r := startNew(t)
	r.Publish(site(), Change{})
	for _, target := range []string{
		"/../etc/passwd",
		"/%2e%2e/etc/passwd",
		"/%2e%2e/",
		"/%2E%2E%2Fetc%2Fpasswd",
		"/a/../etc/passwd",
		"/a/%2e%2e/etc/passwd",
		"/a%2fb",
		"/a%2Fb",
		"//etc/passwd",
		"/a//b",
		"/a\\b",
		"/a%5cb",
		"/a/b%00",
		"/etc/passwd%00.html",
	} {
		status, body := r.rawGet(t, target)
		if status != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", target, status)
		}
		if strings.Contains(body, "secret") {
			t.Errorf("GET %s served a file: %q", target, body)
		}
	}
	// The same files by their plain names are served: the refusals above are
	// about the paths, not the files.
	for _, target := range []string{"/a/b", "/etc/passwd", "/a/./b"} {
		if status, body := r.rawGet(t, target); status != http.StatusOK || !strings.HasPrefix(body, "secret") {
			t.Errorf("GET %s: %d %q", target, status, body)
		}
	}
}

func TestFolderRedirect(t *testing.T) {
	r := startNew(t)
	r.Publish(site(), Change{})
	tests := []struct{ target, location string }{
		{"/a", "/a/"},
		{"/a?q=1&r=%2F", "/a/?q=1&r=%2F"},
	}
	for _, tt := range tests {
		resp, _ := r.get(t, tt.target)
		if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != tt.location {
			t.Errorf("GET %s: %d Location %q, want 302 to %q", tt.target, resp.StatusCode, resp.Header.Get("Location"), tt.location)
		}
	}
	// A file is served as itself; a missing folder is not redirected.
	if resp, _ := r.get(t, "/a/b"); resp.StatusCode != http.StatusOK {
		t.Errorf("GET /a/b: %d", resp.StatusCode)
	}
	if resp, _ := r.get(t, "/nothing"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET /nothing: %d", resp.StatusCode)
	}
	if resp, _ := r.get(t, "/a/b/"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET /a/b/ (a file asked as a folder): %d", resp.StatusCode)
	}
}

func TestNotFoundServesSite404(t *testing.T) {
	r := startNew(t)
	tree := site()
	r.Publish(tree, Change{})
	resp, body := r.get(t, "/khong-co/")
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("status %d, want 404", resp.StatusCode)
	}
	if want := strings.Replace(tree["404.html"], "</body>", plainTag+"</body>", 1); unstamp(body) != want {
		t.Errorf("body = %q, want the site's 404.html with the reload script: %q", body, want)
	}
	if resp.Header.Get("Cache-Control") != "no-store" || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("404 headers: %v", resp.Header)
	}

	delete(tree, "404.html")
	r.Publish(tree, Change{Paths: []string{"404.html"}})
	resp, body = r.get(t, "/<b>x</b>/")
	if resp.StatusCode != http.StatusNotFound || !strings.Contains(body, "<code>/&lt;b&gt;x&lt;/b&gt;/</code>") ||
		!strings.Contains(unstamp(body), plainTag) {
		t.Errorf("without 404.html: %d %q", resp.StatusCode, body)
	}
}

func TestMovedPageBanner(t *testing.T) {
	r := startNew(t)
	tree := site()
	tree["tin-tuc/cu/index.html"] = "<html><body>old</body></html>"
	r.Publish(tree, Change{})

	delete(tree, "tin-tuc/cu/index.html")
	tree["tin-tuc/moi/index.html"] = "<html><body>new</body></html>"
	r.Publish(tree, Change{
		Paths: []string{"tin-tuc/cu/index.html", "tin-tuc/moi/index.html"},
		Moved: map[string]string{"/tin-tuc/cu/": "/tin-tuc/moi/"},
	})
	resp, body := r.get(t, "/tin-tuc/cu/")
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("status %d, want 404 (not a redirect)", resp.StatusCode)
	}
	golden(t, "moved.html", unstamp(body))
	if _, noSlash := r.get(t, "/tin-tuc/cu"); noSlash != body {
		t.Errorf("GET /tin-tuc/cu (no slash) = %q, want the same page as with it", noSlash)
	}

	// Renamed again: the first URL follows to the newest one.
	delete(tree, "tin-tuc/moi/index.html")
	tree["tin-tuc/moi-nhat/index.html"] = "<html><body>newest</body></html>"
	r.Publish(tree, Change{Paths: []string{"x"}, Moved: map[string]string{"/tin-tuc/moi/": "/tin-tuc/moi-nhat/"}})
	for _, old := range []string{"/tin-tuc/cu/", "/tin-tuc/moi/"} {
		if _, body := r.get(t, old); !strings.Contains(body, `<a href="/tin-tuc/moi-nhat/">/tin-tuc/moi-nhat/</a>`) {
			t.Errorf("GET %s = %q, want a link to /tin-tuc/moi-nhat/", old, body)
		}
	}
	// Other missing pages have no banner.
	if _, body := r.get(t, "/tin-tuc/khac/"); strings.Contains(body, "almanac-moved") {
		t.Errorf("unrelated 404 has the banner: %q", body)
	}
}

func TestMovedBannerEscapesURLs(t *testing.T) {
	r := startNew(t)
	r.Publish(mapTree{"index.html": "<body>home</body>"}, Change{Moved: map[string]string{
		"/a/": `/b/"><script>alert(1)</script>/`,
		"/c/": "javascript:alert(1)",
	}})
	_, body := r.get(t, "/a/")
	if strings.Contains(body, "<script>alert") {
		t.Errorf("banner not escaped: %q", body)
	}
	golden(t, "moved-hostile.html", unstamp(body))
	// Moved targets are URL paths on this site: a scheme becomes a path element.
	if _, body := r.get(t, "/c/"); !strings.Contains(body, `href="/javascript:alert%281%29"`) {
		t.Errorf("a javascript: URL was not made a path: %q", body)
	}
}

func TestBeforeFirstBuild(t *testing.T) {
	r := startNew(t)
	resp, body := r.get(t, "/")
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(unstamp(body), plainTag) {
		t.Errorf("before the first build: %d %q", resp.StatusCode, body)
	}
	r.Publish(mapTree{"index.html": "<body>home</body>"}, Change{})
	if resp, _ := r.get(t, "/"); resp.StatusCode != http.StatusOK {
		t.Errorf("after the first build: %d", resp.StatusCode)
	}
}

func TestConditionalAndRangeRequests(t *testing.T) {
	r := startNew(t)
	r.Publish(site(), Change{})
	resp, _ := r.get(t, "/audio/tin.mp3")
	etag := resp.Header.Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	if resp, _ := r.get(t, "/audio/tin.mp3", "If-None-Match", etag); resp.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match: status %d, want 304", resp.StatusCode)
	}
	resp, body := r.get(t, "/audio/tin.mp3", "Range", "bytes=0-2")
	if resp.StatusCode != http.StatusPartialContent || body != "ID3" {
		t.Errorf("Range: %d %q, want 206 \"ID3\"", resp.StatusCode, body)
	}
}

func TestMethods(t *testing.T) {
	r := startNew(t)
	r.Publish(site(), Change{})
	req, _ := http.NewRequest(http.MethodHead, r.base+"/", nil)
	resp, err := r.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.ContentLength == 0 {
		t.Errorf("HEAD /: %d length %d", resp.StatusCode, resp.ContentLength)
	}
	req, _ = http.NewRequest(http.MethodPost, r.base+"/", strings.NewReader("x"))
	resp, err = r.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET, HEAD" {
		t.Errorf("POST /: %d Allow %q", resp.StatusCode, resp.Header.Get("Allow"))
	}
}

func TestInsertions(t *testing.T) {
	frag := "<p>F</p>"
	tests := []struct{ page, afterBody string }{
		{"<html><body>x</body></html>", "<html><body><p>F</p>x</body></html>"},
		{`<html><BODY class="a>b" data-x='>'>x</body></html>`, `<html><BODY class="a>b" data-x='>'><p>F</p>x</body></html>`},
		{"<html><bodyguard>x</bodyguard><body>y</body></html>", "<html><bodyguard>x</bodyguard><body><p>F</p>y</body></html>"},
		{"<p>x</p>", "<p>x</p><p>F</p>"},
		{"<p>x</p></body>", "<p>x</p><p>F</p></body>"},
		{"", "<p>F</p>"},
	}
	for _, tt := range tests {
		if got := string(insertAfterBodyStart([]byte(tt.page), []byte(frag))); got != tt.afterBody {
			t.Errorf("insertAfterBodyStart(%q) = %q, want %q", tt.page, got, tt.afterBody)
		}
	}
	// Upper-case non-ASCII letters before </body> keep their bytes.
	page := "<body>ĐẢNG İSTANBUL</Body>"
	if got := unstamp(string(injectReloadScript([]byte(page), renderTag(pageStamp{})))); got != "<body>ĐẢNG İSTANBUL"+plainTag+"</Body>" {
		t.Errorf("injectReloadScript(%q) = %q", page, got)
	}
}

func TestFileName(t *testing.T) {
	tests := []struct {
		target, name string
		dir, ok      bool
	}{
		{"/", "index.html", true, true},
		{"/a/", "a/index.html", true, true},
		{"/a", "a", false, true},
		{"/a/./b", "a/b", false, true},
		{"/a/b/.", "a/b", false, true},
		{"/%C4%91%E1%BA%A7u-t%C6%B0/", "đầu-tư/index.html", true, true},
		{"/a/..", "", false, false},
		{"/a%2fb", "", false, false},
		{"/a//b", "", false, false},
	}
	for _, tt := range tests {
		req, err := http.NewRequest(http.MethodGet, "http://x"+tt.target, nil)
		if err != nil {
			t.Fatal(err)
		}
		name, dir, ok := fileName(req)
		if name != tt.name || dir != tt.dir || ok != tt.ok {
			t.Errorf("fileName(%s) = %q, %v, %v; want %q, %v, %v", tt.target, name, dir, ok, tt.name, tt.dir, tt.ok)
		}
	}
}

// plainTag is the reload script tag without its build stamp.
const plainTag = `<script src="` + reloadScriptPath + `" defer></script>`

var stampAttrs = regexp.MustCompile(` data-instance="[^"]*" data-build="\d+"`)

// unstamp removes the build stamp from the reload script tags of a page.
func unstamp(page string) string { return stampAttrs.ReplaceAllString(page, "") }

func TestReloadScriptTagNamesTheBuild(t *testing.T) {
	r := startNew(t)
	r.Publish(site(), Change{})
	r.Publish(site(), Change{Paths: []string{"index.html"}})
	_, body := r.get(t, "/")
	if !strings.Contains(body, `data-build="2"`) || !strings.Contains(body, `data-instance="`) {
		t.Errorf("the page does not name its build: %q", body)
	}
}

// unreadableTree is a tree whose files cannot be read back, as when the
// build's temporary file fails.
type unreadableTree struct{}

func (unreadableTree) File(name string) ([]byte, bool, error) {
	return nil, false, errors.New("input/output error")
}

// TestUnreadableFile: a file that cannot be read back is a 500 saying
// which and why, not a 404 nor an empty page.
func TestUnreadableFile(t *testing.T) {
	r := startNew(t)
	r.Publish(unreadableTree{}, Change{})
	res, body := r.get(t, "/cong-thuong/")
	if res.StatusCode != http.StatusInternalServerError || body != "almanac serve: cong-thuong/index.html: input/output error\n" {
		t.Errorf("GET /cong-thuong/: %s %q", res.Status, body)
	}
	if cc := res.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("Cache-Control %q", cc)
	}
}
