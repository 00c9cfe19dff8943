package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/messages"
)

// decode unmarshals an event's JSON data into a new T.
func decode[T any](t *testing.T, data string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(data), &v); err != nil {
		t.Fatalf("event data %q: %v", data, err)
	}
	return v
}

func TestHelloIdentifiesInstanceAndBuild(t *testing.T) {
	r := startNew(t)
	hello := decode[helloEvent](t, r.openStream(t).expect(t, "hello"))
	if hello.Instance != r.instance || hello.Instance == "" || hello.Build != 0 {
		t.Errorf("hello before any build = %+v, want instance %q, build 0", hello, r.instance)
	}
	r.Publish(site(), Change{})
	r.Publish(site(), Change{Paths: []string{"index.html"}})
	if hello := decode[helloEvent](t, r.openStream(t).expect(t, "hello")); hello.Build != 2 {
		t.Errorf("hello after two builds = %+v, want build 2", hello)
	}
	if other := New(Options{}); other.instance == r.instance {
		t.Error("two servers share an instance id: pages would not reload after a restart")
	}
}

func TestPublishSendsReload(t *testing.T) {
	r := startNew(t)
	s := r.openStream(t)
	s.expect(t, "hello")
	r.Publish(site(), Change{})
	if got := decode[changeEvent](t, s.expect(t, "reload")); got.Build != 1 {
		t.Errorf("first build: reload %+v, want build 1", got)
	}
	r.Publish(site(), Change{Paths: []string{"a/index.html", "index.html"}})
	got := decode[changeEvent](t, s.expect(t, "reload"))
	if got.Build != 2 || strings.Join(got.Paths, " ") != "a/index.html index.html" {
		t.Errorf("reload = %+v", got)
	}
	// Nothing changed: no page reloads, not even one that reconnects.
	r.Publish(site(), Change{})
	s.quiet(t, 100*time.Millisecond)
	if hello := decode[helloEvent](t, r.openStream(t).expect(t, "hello")); hello.Build != 2 {
		t.Errorf("hello after an empty change = %+v, want build 2 still", hello)
	}
}

func TestCSSOnlyChangeSendsCSS(t *testing.T) {
	r := startNew(t)
	r.Publish(site(), Change{})
	s := r.openStream(t)
	s.expect(t, "hello")
	r.Publish(site(), Change{CSSOnly: true, Paths: []string{"assets/css/main.1a2b3c4d.css", "assets/css/main.99999999.css"}})
	got := decode[changeEvent](t, s.expect(t, "css"))
	if got.Build != 2 || len(got.Paths) != 2 || got.Paths[1] != "assets/css/main.99999999.css" {
		t.Errorf("css = %+v", got)
	}
}

// articleSource is a Markdown file with a front matter mistake on line 3.
const articleSource = "---\r\ntitle: \"Xuất khẩu <b>tăng</b>\"\r\ndate: 30/12/2020\r\nsection: kinh-te\r\n---\r\nNội dung.\r\n"

func failingBuild() ([]*diag.Problem, func(string) []byte) {
	problems := []*diag.Problem{
		diag.Errorf(diag.Pos{File: "content/kinh-te/xuat-khau.md", Line: 3, Col: 7}, `date "30/12/2020" is not a date`).
			WithHint("write it as 2020-12-30"),
		diag.Errorf(diag.Pos{File: "content/kinh-te/xuat-khau.md", Line: 1, Col: 1}, "duplicate slug").
			Also(diag.Pos{File: "content/kinh-te/khac.md", Line: 1, Col: 1}),
		diag.Warnf(diag.Pos{File: "content/gone.md", Line: 4}, "the file has gone"),
		diag.Errorf(diag.Pos{File: "almanac.toml"}, "no title").WithHint(`add title = "…"`),
		diag.Errorf(diag.Pos{File: "content/kinh-te/xuat-khau.md", Line: 99, Col: 1}, "past the end"),
	}
	source := func(file string) []byte {
		if file == "content/kinh-te/xuat-khau.md" {
			return []byte(articleSource)
		}
		return nil
	}
	return problems, source
}

func TestFailSendsErrorsThenPublishClears(t *testing.T) {
	r := startNew(t)
	tree := site()
	r.Publish(tree, Change{})
	s := r.openStream(t)
	s.expect(t, "hello")

	r.Fail(failingBuild())
	data := s.expect(t, "errors")
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, []byte(data), "", "  "); err != nil {
		t.Fatal(err)
	}
	golden(t, "errors.json", pretty.String()+"\n")
	got := decode[errorsEvent](t, data)
	first := got.Problems[0]
	if first.Position != "content/kinh-te/xuat-khau.md:3:7" || first.Line != 3 || first.Col != 7 ||
		len(first.Source) != 5 || !first.Source[2].Marked || first.Source[2].Text != "date: 30/12/2020" {
		t.Errorf("first problem = %+v", first)
	}

	// The last good build is still served.
	if resp, body := r.get(t, "/"); resp.StatusCode != http.StatusOK || !strings.Contains(body, "<h1>Home</h1>") {
		t.Errorf("GET / during a failed build: %d %q", resp.StatusCode, body)
	}

	r.Publish(tree, Change{Paths: []string{"index.html"}})
	s.expect(t, "clear")
	s.expect(t, "reload")

	// A CSS-only fix after a failure also clears the overlay.
	r.Fail(failingBuild())
	s.expect(t, "errors")
	r.Publish(tree, Change{CSSOnly: true, Paths: []string{"assets/css/main.1a2b3c4d.css"}})
	s.expect(t, "clear")
	s.expect(t, "css")
}

func TestNewClientGetsErrorState(t *testing.T) {
	r := startNew(t)
	r.Publish(site(), Change{})
	r.Fail(failingBuild())
	s := r.openStream(t)
	s.expect(t, "hello")
	if got := decode[errorsEvent](t, s.expect(t, "errors")); len(got.Problems) != 5 {
		t.Errorf("errors for a new client: %+v", got)
	}
	// Once fixed, new clients get no errors.
	r.Publish(site(), Change{Paths: []string{"index.html"}})
	fresh := r.openStream(t)
	fresh.expect(t, "hello")
	fresh.quiet(t, 100*time.Millisecond)
}

func TestSourceLines(t *testing.T) {
	file := splitLines([]byte("one\ntwo\r\nthree\nfour\nfive\nsix\n"))
	tests := []struct {
		line      int
		wantFirst int
		wantLen   int
	}{
		{1, 1, 3}, {2, 1, 4}, {3, 1, 5}, {4, 2, 5}, {6, 4, 3}, {7, 0, 0}, {0, 0, 0},
	}
	for _, tt := range tests {
		got := linesAround(file, tt.line)
		if len(got) != tt.wantLen || (tt.wantLen > 0 && (got[0].Number != tt.wantFirst || got[tt.line-tt.wantFirst].Number != tt.line || !got[tt.line-tt.wantFirst].Marked)) {
			t.Errorf("linesAround(line %d) = %+v", tt.line, got)
		}
	}
	if got := linesAround(file, 2); got[1].Text != "two" {
		t.Errorf("CRLF kept: %q", got[1].Text)
	}
	long := strings.Repeat("ệ", maxLineRunes+10)
	if got := shorten(long); got != strings.Repeat("ệ", maxLineRunes)+"…" {
		t.Errorf("shorten: %d runes", len([]rune(got)))
	}
	// Fail copes with a nil source function and nil problems.
	views := describeProblems(messages.English, []*diag.Problem{nil, diag.Errorf(diag.Pos{File: "a.md", Line: 2, Col: 1}, "x")}, nil)
	if len(views) != 1 || views[0].Source != nil {
		t.Errorf("describeProblems without source = %+v", views)
	}
}

func TestPing(t *testing.T) {
	srv := New(Options{Logf: t.Logf})
	srv.pingPeriod = 20 * time.Millisecond
	r := start(t, srv)
	s := r.openStream(t)
	s.expect(t, "hello")
	select {
	case ev := <-s.events:
		if ev.name != ":" {
			t.Errorf("got %q, want a ping comment", ev.name)
		}
	case <-time.After(2 * time.Second):
		t.Error("no ping")
	}
}

func TestSlowClientIsDropped(t *testing.T) {
	h := newHub()
	c, _ := h.join()
	for range clientBuffer + 1 {
		h.broadcast(newEvent("reload", changeEvent{}))
	}
	select {
	case <-c.dropped:
	default:
		t.Error("a client that reads nothing was kept")
	}
	if h.count() != 0 {
		t.Errorf("%d clients left", h.count())
	}
	h.leave(c) // after a drop, leaving is harmless
}

func TestClientsDisconnectWithoutLeaks(t *testing.T) {
	r := startNew(t)
	r.Publish(site(), Change{})
	before := runtime.NumGoroutine()
	streams := make([]*stream, 50)
	for i := range streams {
		streams[i] = r.openStream(t)
		streams[i].expect(t, "hello")
	}
	if n := r.events.count(); n != 50 {
		t.Fatalf("%d clients registered, want 50", n)
	}
	for _, s := range streams {
		s.close()
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

func TestShutdownEndsStreams(t *testing.T) {
	before := runtime.NumGoroutine()
	srv := New(Options{Logf: t.Logf})
	l, err := srv.Listen()
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(l) }()
	r := &running{Server: srv, base: "http://" + l.Addr().String(), client: &http.Client{Transport: &http.Transport{}}}
	srv.Publish(site(), Change{})
	streams := make([]*stream, 10)
	for i := range streams {
		streams[i] = r.openStream(t)
		streams[i].expect(t, "hello")
	}

	began := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		t.Fatalf("Shutdown: %v", err)
	}
	if took := time.Since(began); took > time.Second {
		t.Errorf("Shutdown took %v with open streams", took)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve after Shutdown: %v", err)
	}
	for i, s := range streams {
		select {
		case _, open := <-s.events:
			for open {
				_, open = <-s.events
			}
		case <-time.After(2 * time.Second):
			t.Errorf("stream %d still open after Shutdown", i)
		}
	}
	r.client.Transport.(*http.Transport).CloseIdleConnections()
	waitGoroutines(t, before)
}
