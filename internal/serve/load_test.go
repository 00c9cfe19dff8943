package serve

import (
	"bufio"
	"context"
	"io"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// diskSecret is the content of files planted on disk around the working
// folder: a server that read the disk for any request would show it.
const diskSecret = "ALMANAC-DISK-SECRET-5d1f0c"

// treeSecrets are the contents of the tree's files that a traversal which
// slipped through cleaning would land on (see site).
var treeSecrets = []string{"secret passwd", "secret a/b"}

// plantDiskSecrets writes secret files next to and above a site folder,
// makes the site folder the working folder for the test, and returns the
// absolute path of the secret beside it.
func plantDiskSecrets(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for _, name := range []string{"outside-secret.txt", "etc/passwd", "public/index.html", "site/content/tin/bai.md"} {
		file := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(diskSecret+" "+name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(filepath.Join(root, "site"))
	return filepath.Join(root, "outside-secret.txt")
}

// attackTargets are request targets, sent verbatim, that try to reach a
// file outside the site or one the path does not name.
func attackTargets(secret string) []string {
	abs := filepath.ToSlash(secret)
	return []string{
		// Dot-dot, plain and percent-encoded in every case.
		"/..", "/../", "/../outside-secret.txt", "/../../../../../../../../etc/passwd",
		"/a/../../outside-secret.txt", "/a/b/../../etc/passwd",
		"/%2e%2e/outside-secret.txt", "/%2E%2E/outside-secret.txt", "/%2e./outside-secret.txt", "/.%2E/outside-secret.txt",
		"/%2e%2e%2foutside-secret.txt", "/%2E%2E%2Foutside-secret.txt", "/..%2foutside-secret.txt", "/..%2Fetc%2Fpasswd",
		"/a/%2e%2e/%2e%2e/outside-secret.txt", "/a%2f..%2f..%2fetc%2fpasswd",
		// Double-encoded: decoded once, they are literal names with % in them.
		"/%252e%252e/outside-secret.txt", "/%252e%252e%252foutside-secret.txt", "/%25%32%65%25%32%65/etc/passwd",
		"/a%252fb", "/%252E%252E%252Fetc%252Fpasswd",
		// Absolute paths, Unix and Windows, and absolute-form request targets.
		"//etc/passwd", "///etc/passwd", "/" + strings.TrimPrefix(abs, "/"), "//" + strings.TrimPrefix(abs, "/"),
		"/%2fetc%2fpasswd", "/%2Fetc/passwd", "/file:///etc/passwd",
		"/C:/Windows/win.ini", "/C:%5cWindows%5cwin.ini", "/c:/etc/passwd", "/C:" + abs,
		"http://localhost/../outside-secret.txt", "http://localhost//etc/passwd", "http://localhost/%2e%2e/etc/passwd",
		// Backslashes, raw and encoded.
		"/..\\outside-secret.txt", "/a\\..\\..\\etc\\passwd", "/%5c..%5coutside-secret.txt", "/..%5Coutside-secret.txt",
		"/%5Cetc%5Cpasswd", "/a%5cb",
		// NUL bytes.
		"/%00", "/etc/passwd%00", "/etc/passwd%00.html", "/..%00/outside-secret.txt", "/a/b%00/",
		// Overlong UTF-8 encodings of '.', '/' and '\' (invalid UTF-8).
		"/%c0%ae%c0%ae/outside-secret.txt", "/%c0%ae%c0%ae%c0%afoutside-secret.txt", "/..%c0%afoutside-secret.txt",
		"/%e0%80%ae%e0%80%ae/outside-secret.txt", "/%f0%80%80%ae%f0%80%80%ae/etc/passwd", "/..%c1%9coutside-secret.txt",
		"/a%c0%afb",
		// Look-alikes: fullwidth full stop and solidus, division slash.
		"/%ef%bc%8e%ef%bc%8e%ef%bc%8foutside-secret.txt", "/..%e2%88%95outside-secret.txt", "/a%ef%bc%8fb",
		// Other server quirks: path parameters, trailing dots, header injection.
		"/..;/outside-secret.txt", "/a/..;/etc/passwd", "/%2e%2e;/etc/passwd", "/etc/passwd/", "/etc/passwd%20",
		"/%0d%0aX-Injected:%201", "/a%0d%0aX-Injected:%201",
	}
}

// rawResponse sends target verbatim as the request line and returns the
// response with its body read.
func (r *running) rawResponse(t *testing.T, method, target string) (*http.Response, string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", r.addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(conn, method+" "+target+" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), &http.Request{Method: method})
	if err != nil {
		t.Fatalf("%s %q: %v", method, target, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

// checkNoLeak fails when body holds a byte of a file the request did not name.
func checkNoLeak(t *testing.T, target, body string) {
	t.Helper()
	for _, secret := range append([]string{diskSecret}, treeSecrets...) {
		if strings.Contains(body, secret) {
			t.Errorf("GET %s served %q: %.200q", target, secret, body)
		}
	}
}

// TestAttackPathsNeverLeak sends traversal, encoding and injection attacks
// with secrets planted on disk around the working folder and in the tree
// where a cleaned path would land. Every one gets a 404 with nosniff and
// none shows a byte of a secret, with the site's 404 page and without.
func TestAttackPathsNeverLeak(t *testing.T) {
	secret := plantDiskSecrets(t)
	r := startNew(t)
	without404 := site()
	delete(without404, "404.html")
	for _, tree := range []mapTree{site(), without404} {
		r.Publish(tree, Change{Paths: []string{"404.html"}})
		for _, target := range attackTargets(secret) {
			for _, method := range []string{http.MethodGet, http.MethodHead} {
				resp, body := r.rawResponse(t, method, target)
				if resp.StatusCode != http.StatusNotFound {
					t.Errorf("%s %s: status %d, want 404", method, target, resp.StatusCode)
				}
				if got := resp.Header.Get("X-Content-Type-Options"); got != "nosniff" {
					t.Errorf("%s %s: X-Content-Type-Options %q", method, target, got)
				}
				if resp.Header.Get("X-Injected") != "" {
					t.Errorf("%s %s: a header was injected: %v", method, target, resp.Header)
				}
				checkNoLeak(t, target, body)
			}
		}
	}
}

// TestHostilePathsEscapedInPlain404 checks that the server's own 404
// page, shown when the site has none, escapes the path it repeats.
func TestHostilePathsEscapedInPlain404(t *testing.T) {
	r := startNew(t)
	r.Publish(mapTree{"index.html": "<body>home</body>"}, Change{})
	for _, target := range []string{
		"/%3Cscript%3Ealert(1)%3C/script%3E", "/%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E",
		"/%3C!--", "/%c0%3cscript%3e",
	} {
		resp, body := r.rawResponse(t, http.MethodGet, target)
		if resp.StatusCode != http.StatusNotFound || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			t.Errorf("GET %s: %d %s", target, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		if strings.Contains(body, "<script>alert") || strings.Contains(body, "<img") || strings.Contains(body, "<!--") {
			t.Errorf("GET %s: the path is not escaped: %q", target, body)
		}
	}
}

// TestNoOpenRedirect checks that a folder redirect never points off the
// site: a path that a browser would read as another host is refused
// before any redirect.
func TestNoOpenRedirect(t *testing.T) {
	r := startNew(t)
	r.Publish(mapTree{"index.html": "<body>home</body>", "evil.example/index.html": "<body>folder</body>"}, Change{})
	for _, target := range []string{"//evil.example", "/\\evil.example", "/%5cevil.example", "/%2fevil.example", "///evil.example"} {
		resp, _ := r.rawResponse(t, http.MethodGet, target)
		if resp.StatusCode != http.StatusNotFound || resp.Header.Get("Location") != "" {
			t.Errorf("GET %s: %d Location %q, want 404 and no redirect", target, resp.StatusCode, resp.Header.Get("Location"))
		}
	}
	resp, _ := r.rawResponse(t, http.MethodGet, "/evil.example")
	if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusFound || loc != "/evil.example/" {
		t.Errorf("GET /evil.example: %d Location %q, want a redirect to the folder on this site", resp.StatusCode, loc)
	}
}

// TestEveryResponseKindHasNosniff covers the responses TestContentTypes
// does not: redirects, 304, 206, 416, both 404 pages, 405, the page shown
// before the first build and the event stream.
func TestEveryResponseKindHasNosniff(t *testing.T) {
	r := startNew(t)
	if resp, _ := r.get(t, "/"); resp.StatusCode != http.StatusServiceUnavailable ||
		resp.Header.Get("X-Content-Type-Options") != "nosniff" || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Errorf("before the first build: %d %v", resp.StatusCode, resp.Header)
	}
	r.Publish(site(), Change{})
	etag := func() string { resp, _ := r.get(t, "/audio/tin.mp3"); return resp.Header.Get("ETag") }()
	tests := []struct {
		name, method, target string
		header               []string
		status               int
		ctype                string // "" when the response has no body to type
	}{
		{"redirect", "GET", "/a", nil, http.StatusFound, ""},
		{"not modified", "GET", "/audio/tin.mp3", []string{"If-None-Match", etag}, http.StatusNotModified, ""},
		{"partial", "GET", "/audio/tin.mp3", []string{"Range", "bytes=1-2"}, http.StatusPartialContent, "audio/mpeg"},
		{"range not satisfiable", "GET", "/audio/tin.mp3", []string{"Range", "bytes=999-"}, http.StatusRequestedRangeNotSatisfiable, "text/plain; charset=utf-8"},
		{"site 404", "GET", "/khong-co/", nil, http.StatusNotFound, "text/html; charset=utf-8"},
		{"refused path", "GET", "/a/%2e%2e/etc/passwd", nil, http.StatusNotFound, "text/html; charset=utf-8"},
		{"head", "HEAD", "/", nil, http.StatusOK, "text/html; charset=utf-8"},
		{"post", "POST", "/", nil, http.StatusMethodNotAllowed, "text/plain; charset=utf-8"},
		{"options", "OPTIONS", "/", nil, http.StatusMethodNotAllowed, "text/plain; charset=utf-8"},
		{"reload script", "GET", reloadScriptPath, nil, http.StatusOK, "text/javascript; charset=utf-8"},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest(tt.method, r.base+tt.target, nil)
		for i := 0; i+1 < len(tt.header); i += 2 {
			req.Header.Set(tt.header[i], tt.header[i+1])
		}
		resp, err := r.client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.status || resp.Header.Get("Content-Type") != tt.ctype ||
			resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s (%s %s): %d, Content-Type %q, nosniff %q; want %d, %q, nosniff",
				tt.name, tt.method, tt.target, resp.StatusCode, resp.Header.Get("Content-Type"),
				resp.Header.Get("X-Content-Type-Options"), tt.status, tt.ctype)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, r.base+eventsPath, nil)
	resp, err := r.client.Transport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.Header.Get("Content-Type") != "text/event-stream" || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("event stream headers: %v", resp.Header)
	}
}

// TestEventStreamChurnUnderLoad connects and drops event streams over and
// over while builds are published and pages fetched: afterwards no client
// is registered and no goroutine is left.
func TestEventStreamChurnUnderLoad(t *testing.T) {
	r := startNew(t)
	r.Publish(site(), Change{})
	before := runtime.NumGoroutine()
	ctx, stop := context.WithTimeout(context.Background(), 1500*time.Millisecond)
	defer stop()
	var wg sync.WaitGroup
	var churned, fetched atomic.Int64
	wg.Go(func() { publishUntil(ctx, r) })
	for range 20 {
		wg.Go(func() {
			for ctx.Err() == nil {
				if err := r.helloAndLeave(ctx); err == nil {
					churned.Add(1)
				} else if ctx.Err() == nil {
					t.Errorf("event stream: %v", err)
					return
				}
			}
		})
	}
	for range 10 {
		wg.Go(func() {
			for ctx.Err() == nil {
				if status, body, err := r.fetch("/"); err != nil || status != http.StatusOK || !strings.Contains(body, "<h1>Home</h1>") {
					t.Errorf("GET /: %d %v %.100q", status, err, body)
					return
				}
				fetched.Add(1)
			}
		})
	}
	wg.Wait()
	t.Logf("%d event streams opened and dropped, %d pages fetched", churned.Load(), fetched.Load())
	if churned.Load() < 100 {
		t.Errorf("only %d event streams churned", churned.Load())
	}
	deadline := time.Now().Add(5 * time.Second)
	for r.events.count() != 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := r.events.count(); n != 0 {
		t.Errorf("%d clients still registered after they disconnected", n)
	}
	r.client.Transport.(*http.Transport).CloseIdleConnections()
	waitGoroutines(t, before)
}

// publishUntil publishes a changed build every few milliseconds until ctx ends.
func publishUntil(ctx context.Context, r *running) {
	tree := site()
	for i := 0; ctx.Err() == nil; i++ {
		next := maps.Clone(tree)
		next["data/gdp.csv"] = strings.Repeat("x", i%7)
		r.Publish(next, Change{Paths: []string{"data/gdp.csv"}})
		time.Sleep(5 * time.Millisecond)
	}
}

// helloAndLeave opens an event stream, reads up to its hello event and
// drops the connection.
func (r *running) helloAndLeave(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, r.base+eventsPath, nil)
	resp, err := r.client.Transport.RoundTrip(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	lines := bufio.NewScanner(resp.Body)
	for lines.Scan() {
		if strings.HasPrefix(lines.Text(), "event: hello") {
			return nil
		}
	}
	if err := lines.Err(); err != nil {
		return err
	}
	return io.ErrUnexpectedEOF
}

func TestOnlyLocalhostAndAddressesAreServed(t *testing.T) {
	for host, want := range map[string]bool{
		"127.0.0.1:1313": true, "localhost:1313": true, "[::1]:1313": true, "192.168.1.20:1313": true,
		"app.localhost": true, "evil.example:1313": false, "127.0.0.1.evil.example": false, "": false,
	} {
		if got := allowedHost(host); got != want {
			t.Errorf("allowedHost(%q) = %v, want %v", host, got, want)
		}
	}
	s := New(Options{})
	s.Publish(mapTree{"index.html": "<p>secret draft</p>"}, Change{})
	req := httptest.NewRequest("GET", "http://rebound.example/", nil)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusMisdirectedRequest || strings.Contains(rec.Body.String(), "secret") {
		t.Errorf("a request for another host name got %d %q", rec.Code, rec.Body.String())
	}
}
