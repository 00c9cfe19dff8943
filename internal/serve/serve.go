// Package serve is the preview HTTP server of `almanac serve`.
//
// The build hands it, after each rebuild, an immutable in-memory Tree of
// the site's output files (Publish), or the problems that made the rebuild
// fail (Fail). The preview guarantees:
//
//   - It serves only what the last good build produced, from memory; it
//     never reads the disk. A request sees one whole tree: trees are swapped
//     atomically, so no response mixes two builds.
//   - A failed build never takes the site down: the last good tree stays
//     served, and every open page shows the problems (file:line:col,
//     message, hint and the source lines around them) in an overlay until
//     the next good build removes it.
//   - Every HTML response loads /_almanac/reload.js, an external script (no
//     inline JavaScript, so a page's Content-Security-Policy still holds),
//     which keeps the page in step with the build over Server-Sent Events
//     from /_almanac/events: it reloads the page keeping its scroll
//     position, swaps stylesheets in place when only CSS changed, and
//     reloads when the server restarted or it missed a build.
//   - Paths are cleaned and checked: "..", encoded slashes, backslashes and
//     NUL bytes get a 404. /a redirects to /a/ when a/index.html exists.
//   - A page renamed by a rebuild answers its old URL with the site's
//     404 page and a note linking to the new URL.
//   - It binds to 127.0.0.1 unless told otherwise; a busy port gives an
//     error naming a free port to try.
//   - Shutdown ends the event streams, so it returns promptly and leaves no
//     goroutine behind.
package serve

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/almanac-news/almanac/internal/messages"
)

// DefaultBind and DefaultPort are what `almanac serve` uses without flags.
const (
	DefaultBind = "127.0.0.1"
	DefaultPort = 1313
)

// pingInterval is how often an idle event stream gets a comment, so that
// proxies and browsers keep it open and a dead client is noticed.
const pingInterval = 15 * time.Second

// Options configures a Server.
type Options struct {
	Bind string // address to listen on; "" means DefaultBind (loopback only)
	Port int    // TCP port; 0 picks a free one (the CLI's default is DefaultPort)
	Logf func(format string, args ...any)
	Lang messages.Language // the language of the error overlay and the warnings panel
}

// Server is the preview server. Its methods are safe for concurrent use.
type Server struct {
	opts       Options
	instance   string                   // identifies this process to reload.js, so it reloads after a restart
	current    atomic.Pointer[snapshot] // the last good build; nil before the first
	http       *http.Server
	events     *hub
	closing    chan struct{} // closed by Shutdown: event streams end
	closeOnce  sync.Once
	publishMu  sync.Mutex // orders Publish and Fail
	pingPeriod time.Duration
}

// New returns a server that serves nothing until the first Publish (pages
// requested before it say the site is being built, and reload when it is).
func New(opts Options) *Server {
	if opts.Bind == "" {
		opts.Bind = DefaultBind
	}
	if opts.Logf == nil {
		opts.Logf = func(string, ...any) {}
	}
	s := &Server{
		opts:       opts,
		instance:   newInstanceID(),
		events:     newHub(),
		closing:    make(chan struct{}),
		pingPeriod: pingInterval,
	}
	s.http = &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		// No write timeout: event streams stay open for as long as a page does.
		ErrorLog: log.New(logWriter(opts.Logf), "", 0),
	}
	return s
}

// newInstanceID returns a random identifier for this server process.
func newInstanceID() string {
	return rand.Text()
}

// PortInUseError is returned by Listen when the port is taken. Free is a
// port that was free a moment ago, or 0 when none could be found.
type PortInUseError struct {
	Port int
	Free int
	Err  error
}

func (e *PortInUseError) Error() string {
	if e.Free == 0 {
		return fmt.Sprintf("port %d is in use; try --port 0 to pick a free one", e.Port)
	}
	return fmt.Sprintf("port %d is in use; try --port %d, or --port 0 to pick a free one", e.Port, e.Free)
}

func (e *PortInUseError) Unwrap() error { return e.Err }

// Listen binds the configured address and port. When the port is busy it
// returns a *PortInUseError that names a free port to try instead.
func (s *Server) Listen() (net.Listener, error) {
	addr := net.JoinHostPort(s.opts.Bind, strconv.Itoa(s.opts.Port))
	l, err := net.Listen("tcp", addr)
	if err == nil {
		return l, nil
	}
	if !errors.Is(err, syscall.EADDRINUSE) {
		return nil, fmt.Errorf("cannot listen on %s: %w", addr, err)
	}
	return nil, &PortInUseError{Port: s.opts.Port, Free: s.freePort(), Err: err}
}

// freePort asks the system for a free port on the bind address, or returns 0.
func (s *Server) freePort() int {
	l, err := net.Listen("tcp", net.JoinHostPort(s.opts.Bind, "0"))
	if err != nil {
		return 0
	}
	defer l.Close()
	if a, ok := l.Addr().(*net.TCPAddr); ok {
		return a.Port
	}
	return 0
}

// Serve answers requests on l until Shutdown, then returns nil.
func (s *Server) Serve(l net.Listener) error {
	err := s.http.Serve(l)
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown ends every event stream, stops accepting connections and waits,
// until ctx is done, for the requests in flight to finish.
func (s *Server) Shutdown(ctx context.Context) error {
	s.closeOnce.Do(func() { close(s.closing) })
	return s.http.Shutdown(ctx)
}

// ServeHTTP answers one request: the live-reload script and event stream
// under /_almanac/, the files of the current tree everywhere else.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if !allowedHost(r.Host) {
		http.Error(w, "the preview answers only to localhost or an IP address", http.StatusMisdirectedRequest)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case reloadScriptPath:
		serveReloadScript(w, r)
	case eventsPath:
		s.serveEvents(w, r)
	default:
		s.serveFile(w, r)
	}
}

// logWriter adapts Logf to the log.Logger that net/http reports to.
type logWriter func(string, ...any)

func (f logWriter) Write(p []byte) (int, error) {
	f("%s", trimNewline(p))
	return len(p), nil
}

func trimNewline(p []byte) string {
	if n := len(p); n > 0 && p[n-1] == '\n' {
		p = p[:n-1]
	}
	return string(p)
}

// allowedHost reports whether the preview answers a request for host: an
// IP address or localhost, never another name, so that a web page cannot
// read the preview through a DNS name rebound to 127.0.0.1.
func allowedHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.Trim(host, "[]"), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	_, err := netip.ParseAddr(host)
	return err == nil
}
