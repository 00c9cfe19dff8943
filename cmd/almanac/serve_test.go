package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/almanac-news/almanac"
	"github.com/almanac-news/almanac/internal/build"
	"github.com/almanac-news/almanac/internal/serve"
)

// eventLimit bounds every wait for an event of the preview: a save must
// reach the page well within it, even on a loaded machine.
const eventLimit = 5 * time.Second

// quietPeriod is how long a test listens for events that must not come.
const quietPeriod = 500 * time.Millisecond

// previewNow is the build time of the tests: the site's articles are past.
var previewNow = time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)

// sseEvent is one Server-Sent Event as the page receives it.
type sseEvent struct {
	name, data string
}

// changeData is the data of "reload" and "css".
type changeData struct {
	Build uint64   `json:"build"`
	Paths []string `json:"paths"`
}

// lockedBuffer is the preview's terminal: written by run, read by the test.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// runningPreview is an in-process `almanac serve` with one page listening
// to its events.
type runningPreview struct {
	dir    string
	base   string // http://127.0.0.1:port
	out    *lockedBuffer
	events <-chan sseEvent
	client *http.Client
	stop   func() error // cancels run and returns its error; idempotent
}

// extractSite writes a txtar archive from testdata into a new site folder.
func extractSite(t testing.TB, name string) string {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		writeSiteFile(t, dir, f.Name, string(f.Data))
	}
	return dir
}

func writeSiteFile(t testing.TB, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readSiteFile(t testing.TB, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// startPreview runs the preview of dir until the test ends, and connects
// a page to its event stream.
func startPreview(t testing.TB, dir string, now time.Time) *runningPreview {
	t.Helper()
	return startPreviewSettling(t, dir, now, 0)
}

// startPreviewSettling is startPreview with the watcher waiting settle
// for quiet before a rebuild (0 for its default).
func startPreviewSettling(t testing.TB, dir string, now time.Time, settle time.Duration) *runningPreview {
	t.Helper()
	addrs := make(chan string, 1)
	out := &lockedBuffer{}
	p := &preview{source: dir, out: out,
		session: build.NewSession(build.Options{Site: os.DirFS(dir), Theme: almanac.Theme(), Now: now}),
		server:  serve.New(serve.Options{Port: 0}),
		ready:   func(addr string) { addrs <- addr },
		settle:  settle,
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- p.run(ctx) }()
	var once sync.Once
	var stopErr error
	stop := func() error {
		once.Do(func() {
			cancel()
			select {
			case stopErr = <-done:
			case <-time.After(10 * time.Second):
				stopErr = errors.New("run did not return 10s after the context was cancelled")
			}
		})
		return stopErr
	}
	t.Cleanup(func() {
		if err := stop(); err != nil {
			t.Errorf("stopping the preview: %v", err)
		}
	})
	var addr string
	select {
	case addr = <-addrs:
	case err := <-done:
		done <- err // for stop
		t.Fatalf("run returned before serving: %v\n%s", err, out)
	case <-time.After(2 * time.Minute):
		t.Fatalf("the first build did not finish in 2 minutes\n%s", out)
	}
	// No keep-alive: once the server is gone no client goroutine is left.
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	r := &runningPreview{dir: dir, base: "http://" + addr, out: out, client: client, stop: stop}
	r.events = r.connect(t)
	return r
}

// connect opens an event stream and returns its events once "hello"
// arrived, so that every later change reaches it.
func (r *runningPreview) connect(t testing.TB) <-chan sseEvent {
	t.Helper()
	resp, err := r.client.Get(r.base + "/_almanac/events")
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/event-stream" {
		resp.Body.Close()
		t.Fatalf("event stream: HTTP %d, %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	t.Cleanup(func() { resp.Body.Close() })
	events := make(chan sseEvent, 1024)
	go readEvents(resp.Body, events)
	if ev := nextEvent(t, events, eventLimit); ev.name != "hello" {
		t.Fatalf("first event %q, want hello", ev.name)
	}
	return events
}

// readEvents parses a Server-Sent Events stream until it ends.
func readEvents(body io.Reader, events chan<- sseEvent) {
	defer close(events)
	br := bufio.NewReader(body)
	var ev sseEvent
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			return
		}
		line = strings.TrimSuffix(line, "\n")
		switch {
		case line == "":
			if ev.name != "" {
				events <- ev
			}
			ev = sseEvent{}
		case strings.HasPrefix(line, "event: "):
			ev.name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			ev.data += strings.TrimPrefix(line, "data: ")
		}
	}
}

func nextEvent(t testing.TB, events <-chan sseEvent, limit time.Duration) sseEvent {
	t.Helper()
	select {
	case ev, ok := <-events:
		if !ok {
			t.Fatal("the event stream ended")
		}
		return ev
	case <-time.After(limit):
		t.Fatalf("no event within %v", limit)
	}
	panic("unreachable")
}

// expect returns the next event, which must be named want; events named
// in skip may come first.
func (r *runningPreview) expect(t testing.TB, want string, skip ...string) sseEvent {
	t.Helper()
	deadline := time.Now().Add(eventLimit)
	for {
		ev := nextEvent(t, r.events, time.Until(deadline))
		switch {
		case ev.name == want:
			return ev
		case !slices.Contains(skip, ev.name):
			t.Fatalf("event %s %s, want %s\nterminal:\n%s", ev.name, ev.data, want, r.out)
		}
	}
}

// expectQuiet fails if any event arrives within d.
func (r *runningPreview) expectQuiet(t testing.TB, d time.Duration) {
	t.Helper()
	select {
	case ev := <-r.events:
		t.Fatalf("unexpected event %s %s\nterminal:\n%s", ev.name, ev.data, r.out)
	case <-time.After(d):
	}
}

// get fetches a path and returns the status and the unescaped body.
func (r *runningPreview) get(t testing.TB, path string) (int, string) {
	t.Helper()
	resp, err := r.client.Get(r.base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, html.UnescapeString(string(b))
}

// page fetches a page that must be served and returns its body.
func (r *runningPreview) page(t testing.TB, path string) string {
	t.Helper()
	code, body := r.get(t, path)
	if code != http.StatusOK {
		t.Fatalf("GET %s: HTTP %d", path, code)
	}
	return body
}

// waitOutput waits until the terminal shows text.
func (r *runningPreview) waitOutput(t testing.TB, text string) {
	t.Helper()
	deadline := time.Now().Add(eventLimit)
	for !strings.Contains(r.out.String(), text) {
		if time.Now().After(deadline) {
			t.Fatalf("the terminal does not show %q:\n%s", text, r.out)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// rebuildLines returns the terminal's "pages rendered" lines.
func (r *runningPreview) rebuildLines() []string {
	var lines []string
	for line := range strings.Lines(r.out.String()) {
		if strings.Contains(line, " pages rendered, ") {
			lines = append(lines, strings.TrimSpace(line))
		}
	}
	return lines
}

func decodeChange(t testing.TB, ev sseEvent) changeData {
	t.Helper()
	var c changeData
	if err := json.Unmarshal([]byte(ev.data), &c); err != nil {
		t.Fatalf("%s data %q: %v", ev.name, ev.data, err)
	}
	return c
}

// retitle returns an article with its title line replaced.
func retitle(t testing.TB, article, title string) string {
	t.Helper()
	var out strings.Builder
	done := false
	for line := range strings.Lines(article) {
		if !done && strings.HasPrefix(line, "title: ") {
			line, done = "title: "+title+"\n", true
		}
		out.WriteString(line)
	}
	if !done {
		t.Fatal("the article has no title line")
	}
	return out.String()
}

const articleA = "content/tin/bai-a.md"

func TestServeReloadsAfterSave(t *testing.T) {
	r := startPreview(t, extractSite(t, "serve.txtar"), previewNow)
	if body := r.page(t, "/tin/bai-a/"); !strings.Contains(body, ">Bài A trước khi sửa</h1>") {
		t.Fatal("the article does not show its title before the edit")
	}
	writeSiteFile(t, r.dir, articleA, retitle(t, readSiteFile(t, r.dir, articleA), "Bài A đã sửa"))
	if c := decodeChange(t, r.expect(t, "reload")); !slices.Contains(c.Paths, "tin/bai-a/index.html") || c.Build != 2 {
		t.Errorf("reload %+v, want build 2 changing tin/bai-a/index.html", c)
	}
	if body := r.page(t, "/tin/bai-a/"); !strings.Contains(body, ">Bài A đã sửa</h1>") {
		t.Error("the article still shows its old title")
	}
	r.expectQuiet(t, quietPeriod)
}

func TestServeAtomicRenameSave(t *testing.T) {
	r := startPreview(t, extractSite(t, "serve.txtar"), previewNow)
	tmp := filepath.Join(r.dir, "content", "tin", ".tmp-xyz")
	if err := os.WriteFile(tmp, []byte(retitle(t, readSiteFile(t, r.dir, articleA), "Bài A lưu nguyên tử")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(r.dir, articleA)); err != nil {
		t.Fatal(err)
	}
	r.expect(t, "reload")
	r.expectQuiet(t, quietPeriod)
	if body := r.page(t, "/tin/bai-a/"); !strings.Contains(body, ">Bài A lưu nguyên tử</h1>") {
		t.Error("the article still shows its old title")
	}
}

// TestServeVimSave replays what vim does on :w with its default
// 'backupcopy': a swap file, the 4913 probe, the backup rename dance.
func TestServeVimSave(t *testing.T) {
	r := startPreview(t, extractSite(t, "serve.txtar"), previewNow)
	folder := filepath.Join(r.dir, "content", "tin")
	article := filepath.Join(r.dir, filepath.FromSlash(articleA))
	edited := retitle(t, readSiteFile(t, r.dir, articleA), "Bài A lưu bằng vim")
	steps := []func() error{
		func() error { return os.WriteFile(filepath.Join(folder, ".bai-a.md.swp"), []byte("b0VIM 9.0"), 0o600) },
		func() error { return os.WriteFile(filepath.Join(folder, "4913"), nil, 0o644) },
		func() error { return os.Remove(filepath.Join(folder, "4913")) },
		func() error { return os.Rename(article, article+"~") },
		func() error { return os.WriteFile(article, []byte(edited), 0o644) },
		func() error { return os.Remove(article + "~") },
		func() error { return os.Remove(filepath.Join(folder, ".bai-a.md.swp")) },
	}
	for i, step := range steps {
		if err := step(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	r.expect(t, "reload")
	r.expectQuiet(t, quietPeriod) // no error, no second reload
	if body := r.page(t, "/tin/bai-a/"); !strings.Contains(body, ">Bài A lưu bằng vim</h1>") {
		t.Error("the article still shows its old title")
	}
}

func TestServeNewFolderWithArticle(t *testing.T) {
	r := startPreview(t, extractSite(t, "serve.txtar"), previewNow)
	if err := os.Mkdir(filepath.Join(r.dir, "content", "moi-truong"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeSiteFile(t, r.dir, "content/moi-truong/bai-moi.md",
		"---\ntitle: Bài mới về môi trường\ndate: 2020-12-31T20:00:00+07:00\n---\nNội dung mới.\n")
	r.expect(t, "reload")
	if body := r.page(t, "/moi-truong/bai-moi/"); !strings.Contains(body, ">Bài mới về môi trường</h1>") {
		t.Error("the new article does not show its title")
	}
	if home := r.page(t, "/"); !strings.Contains(home, `href="/moi-truong/bai-moi/"`) {
		t.Error("the home page does not link the new article")
	}
}

func TestServeDeletedArticle(t *testing.T) {
	r := startPreview(t, extractSite(t, "serve.txtar"), previewNow)
	r.page(t, "/tin/bai-b/")
	if err := os.Remove(filepath.Join(r.dir, "content", "tin", "bai-b.md")); err != nil {
		t.Fatal(err)
	}
	if c := decodeChange(t, r.expect(t, "reload")); !slices.Contains(c.Paths, "tin/bai-b/index.html") {
		t.Errorf("reload %+v does not name the removed page", c)
	}
	if code, _ := r.get(t, "/tin/bai-b/"); code != http.StatusNotFound {
		t.Errorf("GET /tin/bai-b/: HTTP %d, want 404", code)
	}
	if home := r.page(t, "/"); strings.Contains(home, "/tin/bai-b/") {
		t.Error("the home page still links the deleted article")
	}
}

func TestServeBurstIsOneRebuild(t *testing.T) {
	// The watcher's own tests hold its 20 ms debounce to the millisecond;
	// here the burst is written while other packages' tests (Chromium among
	// them) load both cores, and a writer paused for 20 ms would split it.
	// A quarter second stands for a slow disk, not a different design.
	r := startPreviewSettling(t, extractSite(t, "serve.txtar"), previewNow, 250*time.Millisecond)
	before := len(r.rebuildLines())
	names := make([]string, 500)
	files := make([][]byte, 500)
	for i := range files {
		names[i] = filepath.Join(r.dir, "content", "tin", fmt.Sprintf("dot-%03d.md", i))
		files[i] = fmt.Appendf(nil, "---\ntitle: Bài đợt %d\ndate: 2020-12-%02dT08:00:00+07:00\n---\nBài số %d.\n", i, 1+i%28, i)
	}
	// Each file appears whole, renamed into place from outside the watched
	// folders, as a checkout tool does: on a loaded machine a half-written
	// file would otherwise be built (and then rebuilt) on its own.
	staging := t.TempDir()
	start := time.Now()
	for i, name := range names {
		tmp := filepath.Join(staging, filepath.Base(name))
		if err := os.WriteFile(tmp, files[i], 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, name); err != nil {
			t.Fatal(err)
		}
	}
	written := time.Since(start)
	r.expect(t, "reload")
	r.expectQuiet(t, time.Second)
	lines := r.rebuildLines()[before:]
	if len(lines) != 1 {
		t.Fatalf("%d rebuilds for 500 files written in %v, want 1:\n%s", len(lines), written, strings.Join(lines, "\n"))
	}
	if !strings.HasPrefix(lines[0], "content/tin/dot-000.md and 499 more: ") {
		t.Errorf("rebuild line %q does not describe the 500 files", lines[0])
	}
	if body := r.page(t, "/tin/dot-499/"); !strings.Contains(body, ">Bài đợt 499</h1>") {
		t.Error("the last article of the burst is not served")
	}
	t.Logf("500 files written in %v: %s", written, lines[0])
}

// errorsData is the data of "errors".
type errorsData struct {
	Problems []struct {
		File, Position, Message string
		Line, Col               int
		Source                  []struct {
			Number int
			Text   string
			Marked bool
		}
	}
}

func TestServeBrokenFrontMatter(t *testing.T) {
	r := startPreview(t, extractSite(t, "serve.txtar"), previewNow)
	good := readSiteFile(t, r.dir, articleA)
	broken := strings.Replace(good, "tags: [Công nghiệp, Thương mại]", "tags: [Công nghiệp, Thương mại", 1)
	lines := strings.Split(broken, "\n")
	writeSiteFile(t, r.dir, articleA, broken)

	var data errorsData
	if ev := r.expect(t, "errors"); json.Unmarshal([]byte(ev.data), &data) != nil || len(data.Problems) != 1 {
		t.Fatalf("errors event %s, want one problem", ev.data)
	}
	p := data.Problems[0]
	if p.File != articleA || p.Line < 2 || p.Line > 6 || p.Col < 1 || p.Message == "" ||
		p.Position != fmt.Sprintf("%s:%d:%d", articleA, p.Line, p.Col) {
		t.Errorf("problem %+v, want %s, a line of the front matter, a column and a message", p, articleA)
	}
	marked := 0
	for _, s := range p.Source {
		if s.Text != lines[s.Number-1] {
			t.Errorf("source line %d = %q, the file has %q", s.Number, s.Text, lines[s.Number-1])
		}
		if s.Marked {
			marked = s.Number
		}
	}
	if len(p.Source) < 3 || marked != p.Line {
		t.Errorf("source lines %+v, want the lines around line %d, marked", p.Source, p.Line)
	}
	r.waitOutput(t, p.Position+": ") // printed just after the event is sent
	if body := r.page(t, "/tin/bai-a/"); !strings.Contains(body, ">Bài A trước khi sửa</h1>") {
		t.Error("the last good page is not served while the build fails")
	}
	late := r.connect(t) // a page opened now gets the errors at once
	if ev := nextEvent(t, late, eventLimit); ev.name != "errors" {
		t.Errorf("a page opened during the failure got %s, want errors", ev.name)
	}

	writeSiteFile(t, r.dir, articleA, retitle(t, good, "Bài A đã sửa lỗi"))
	r.expect(t, "clear")
	r.expect(t, "reload")
	if body := r.page(t, "/tin/bai-a/"); !strings.Contains(body, ">Bài A đã sửa lỗi</h1>") {
		t.Error("the fixed article is not served")
	}
}

var stylesheetLink = regexp.MustCompile(`<link rel="stylesheet" href="(/assets/css/main\.[^"/]+\.css)">`)

func stylesheet(t *testing.T, page string) string {
	t.Helper()
	m := stylesheetLink.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("the page links no main stylesheet")
	}
	return m[1]
}

// TestServeStylesheetChange overrides the theme's stylesheet. Its hashed
// name is in every page, so the pages change too and the preview reloads
// them rather than swapping the stylesheet.
func TestServeStylesheetChange(t *testing.T) {
	r := startPreview(t, extractSite(t, "serve.txtar"), previewNow)
	old := stylesheet(t, r.page(t, "/tin/bai-a/"))
	writeSiteFile(t, r.dir, "assets/css/main.css", ".almanac-serve-test { color: rebeccapurple; }\n")
	ev := nextEvent(t, r.events, eventLimit)
	if ev.name != "reload" && ev.name != "css" {
		t.Fatalf("event %s %s, want reload or css", ev.name, ev.data)
	}
	t.Logf("a stylesheet change sends %q", ev.name)
	fresh := stylesheet(t, r.page(t, "/tin/bai-a/"))
	if fresh == old {
		t.Fatalf("the page still links %s", old)
	}
	if c := decodeChange(t, ev); !slices.Contains(c.Paths, fresh[1:]) {
		t.Errorf("%s paths %v lack %s", ev.name, c.Paths, fresh[1:])
	}
	if css := r.page(t, fresh); !strings.Contains(css, ".almanac-serve-test { color: rebeccapurple; }") {
		t.Errorf("%s is not the new stylesheet: %.200s", fresh, css)
	}
}

func TestServePortInUse(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	port := l.Addr().(*net.TCPAddr).Port
	code, _, errOut := runCLI("serve", "--source", extractSite(t, "serve.txtar"), "--port", strconv.Itoa(port))
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, errOut)
	}
	m := regexp.MustCompile(fmt.Sprintf(`port %d is in use; try --port (\d+)`, port)).FindStringSubmatch(errOut)
	if m == nil || m[1] == strconv.Itoa(port) {
		t.Fatalf("stderr does not name a free port:\n%s", errOut)
	}
	free, err := net.Listen("tcp", "127.0.0.1:"+m[1])
	if err != nil {
		t.Fatalf("the suggested port %s is not free: %v", m[1], err)
	}
	free.Close()
}

func TestServeStopsWhenCancelled(t *testing.T) {
	baseline := runtime.NumGoroutine()
	r := startPreview(t, extractSite(t, "serve.txtar"), previewNow)
	r.page(t, "/")
	start := time.Now()
	if err := r.stop(); err != nil {
		t.Fatalf("run returned %v, want nil", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("run returned %v after the cancel, want under 3s", d)
	}
	for ended := false; !ended; { // the open page's stream ends
		select {
		case _, open := <-r.events:
			ended = !open
		case <-time.After(eventLimit):
			t.Fatal("the open page's event stream did not end")
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > baseline {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("%d goroutines, %d before the preview:\n%s", runtime.NumGoroutine(), baseline, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestServeStopsOnInterrupt sends the test process a real SIGINT while
// `almanac serve` runs: the command stops and exits 0.
func TestServeStopsOnInterrupt(t *testing.T) {
	out, errOut := &lockedBuffer{}, &lockedBuffer{}
	args := []string{"serve", "--source", extractSite(t, "serve.txtar"), "--port", "0"}
	codes := make(chan int, 1)
	go func() { codes <- run(withLang(args), out, errOut) }()
	deadline := time.Now().Add(time.Minute)
	for !strings.Contains(out.String(), "Serving the preview at http://127.0.0.1:") {
		select {
		case code := <-codes:
			t.Fatalf("exit %d before serving; stderr:\n%s", code, errOut)
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("not serving after a minute:\n%s", out)
		}
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-codes:
		if code != 0 {
			t.Errorf("exit %d after Ctrl-C, want 0; stderr:\n%s", code, errOut)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("almanac serve still running 3s after Ctrl-C")
	}
}
