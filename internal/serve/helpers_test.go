package serve

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// mapTree is a Tree held in a map of file name → content.
type mapTree map[string]string

func (m mapTree) File(name string) ([]byte, bool, error) {
	s, ok := m[name]
	if !ok {
		return nil, false, nil
	}
	return []byte(s), true, nil
}

// running is a Server serving on a loopback port for one test.
type running struct {
	*Server
	addr   string // host:port
	base   string // http://host:port
	client *http.Client
}

// start serves s on 127.0.0.1 with a free port until the test ends, and
// checks then that Serve returned nil.
func start(t *testing.T, s *Server) *running {
	t.Helper()
	l, err := s.Listen()
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- s.Serve(l) }()
	transport := &http.Transport{}
	t.Cleanup(func() {
		transport.CloseIdleConnections()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := s.Shutdown(ctx); err != nil {
			t.Errorf("Shutdown: %v", err)
		}
		if err := <-served; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return &running{
		Server: s,
		addr:   l.Addr().String(),
		base:   "http://" + l.Addr().String(),
		client: &http.Client{
			Transport:     transport,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
			Timeout:       10 * time.Second,
		},
	}
}

// startNew serves a new server with a free port and no logging noise.
func startNew(t *testing.T) *running {
	t.Helper()
	return start(t, New(Options{Logf: t.Logf}))
}

// get requests target and returns the response with its body read.
func (r *running) get(t *testing.T, target string, header ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, r.base+target, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := r.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

// fetch is get for other goroutines than the test's: it reports errors.
func (r *running) fetch(target string) (int, string, error) {
	resp, err := r.client.Get(r.base + target)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body), err
}

// rawGet sends target verbatim as the request line, so that no client
// cleans or re-encodes it, and returns the status and body.
func (r *running) rawGet(t *testing.T, target string) (int, string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", r.addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %q: %v", target, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// sseEvent is one event, or a comment (name ":"), read from a stream.
type sseEvent struct {
	name, data string
}

// stream is an open /_almanac/events connection.
type stream struct {
	events chan sseEvent // closed when the stream ends
	close  context.CancelFunc
}

// openStream connects to the event stream; it is closed when the test ends.
func (r *running) openStream(t *testing.T) *stream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, r.base+eventsPath, nil)
	resp, err := r.client.Transport.RoundTrip(req) // no client timeout: streams stay open
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Errorf("events Content-Type = %q", ct)
	}
	s := &stream{events: make(chan sseEvent, 64), close: cancel}
	go readEvents(resp.Body, s.events)
	return s
}

// readEvents parses Server-Sent Events from body until it ends.
func readEvents(body io.ReadCloser, out chan<- sseEvent) {
	defer close(out)
	defer body.Close()
	lines := bufio.NewScanner(body)
	var ev sseEvent
	for lines.Scan() {
		line := lines.Text()
		switch {
		case line == "":
			if ev.name != "" {
				out <- ev
			}
			ev = sseEvent{}
		case strings.HasPrefix(line, ":"):
			ev.name = ":"
		case strings.HasPrefix(line, "event: "):
			ev.name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			ev.data = strings.TrimPrefix(line, "data: ")
		}
	}
}

// next returns the next event that is not a comment.
func (s *stream) next(t *testing.T) sseEvent {
	t.Helper()
	timeout := time.After(5 * time.Second)
	for {
		select {
		case ev, ok := <-s.events:
			if !ok {
				t.Fatal("the event stream ended")
			}
			if ev.name != ":" {
				return ev
			}
		case <-timeout:
			t.Fatal("no event within 5s")
		}
	}
}

// expect returns the data of the next event, which must be called name.
func (s *stream) expect(t *testing.T, name string) string {
	t.Helper()
	ev := s.next(t)
	if ev.name != name {
		t.Fatalf("got event %q (%s), want %q", ev.name, ev.data, name)
	}
	return ev.data
}

// quiet checks that no event other than comments arrives for a while.
func (s *stream) quiet(t *testing.T, d time.Duration) {
	t.Helper()
	timeout := time.After(d)
	for {
		select {
		case ev, ok := <-s.events:
			if ok && ev.name != ":" {
				t.Fatalf("unexpected event %q: %s", ev.name, ev.data)
			}
		case <-timeout:
			return
		}
	}
}

// waitGoroutines waits until no more than want goroutines run.
func waitGoroutines(t *testing.T, want int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		n := runtime.NumGoroutine()
		if n <= want {
			return
		}
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("%d goroutines still running, want at most %d:\n%s", n, want, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// golden compares got with testdata/golden/name, rewriting it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	file := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if errors.Is(err, os.ErrNotExist) {
		t.Fatalf("%s is missing; run go test -update", file)
	}
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", file, got, want)
	}
}
