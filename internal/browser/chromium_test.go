package browser

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

const (
	defaultChromium = "/usr/bin/chromium" // Debian's chromium package
	tabTimeout      = 30 * time.Second    // the longest one test may use its tab
)

// chromium is the browser all tests of this binary share. The first test
// that needs it starts it; TestMain stops it after the last test.
var chromium sharedBrowser

func TestMain(m *testing.M) {
	code := m.Run()
	chromium.stop()
	os.Exit(code)
}

// sharedBrowser starts headless Chromium once and hands out tabs.
type sharedBrowser struct {
	once    sync.Once
	ctx     context.Context // the browser's chromedp context; tabs are its children
	cancel  func()
	dataDir string // the fresh profile, removed by stop
	missing string // why there is no browser to start, when there is none
	err     error  // why the browser did not start
}

// chromiumPath returns the browser to start: $CHROMIUM, else Debian's.
func chromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	return defaultChromium
}

func (b *sharedBrowser) start() {
	path := chromiumPath()
	if _, err := os.Stat(path); err != nil {
		b.missing = fmt.Sprintf("no Chromium at %s (%v); install Debian's chromium package or set CHROMIUM", path, err)
		return
	}
	// A profile shared by all tests cannot live in one test's t.TempDir, which
	// goes away when that test ends; stop removes this one.
	b.dataDir, b.err = os.MkdirTemp("", "almanac-chromium-")
	if b.err != nil {
		return
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path),
		chromedp.UserDataDir(b.dataDir),
		chromedp.Headless,
		chromedp.NoSandbox, // the tests may run as root, where the sandbox refuses to start
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true), // /dev/shm is small in containers
		chromedp.Flag("disable-extensions", true),
		chromedp.WindowSize(1280, 1024),
	)
	ctx, cancelBrowser := chromedp.NewContext(allocCtx)
	b.ctx = ctx
	b.cancel = func() { cancelBrowser(); cancelAlloc() }
	// The first Do starts the browser and binds it to ctx, which has no time
	// limit: each tab gets its own.
	if err := chromedp.Do(ctx); err != nil {
		b.err = fmt.Errorf("starting %s: %w", path, err)
	}
}

// stop ends the browser, if it was started, and removes its profile.
func (b *sharedBrowser) stop() {
	if b.cancel != nil {
		b.cancel()
	}
	if b.dataDir != "" {
		os.RemoveAll(b.dataDir)
	}
}

// newTab opens a new tab in the shared browser, closed when the test ends.
// Without a browser the test skips, or fails when ALMANAC_REQUIRE_BROWSER=1.
func newTab(t *testing.T) context.Context {
	t.Helper()
	return newTabWithin(t, tabTimeout)
}

// newTabWithin is newTab for a test that may use its tab for limit.
func newTabWithin(t *testing.T, limit time.Duration) context.Context {
	t.Helper()
	chromium.once.Do(chromium.start)
	switch {
	case chromium.missing != "" && os.Getenv("ALMANAC_REQUIRE_BROWSER") == "1":
		t.Fatalf("ALMANAC_REQUIRE_BROWSER=1 but %s", chromium.missing)
	case chromium.missing != "":
		t.Skip(chromium.missing)
	case chromium.err != nil:
		t.Fatal(chromium.err)
	}
	tab, closeTab := chromedp.NewContext(chromium.ctx)
	ctx, cancel := context.WithTimeout(tab, limit)
	t.Cleanup(func() { cancel(); closeTab() })
	if err := chromedp.Do(ctx); err != nil { // opens the tab
		t.Fatalf("opening a tab: %v", err)
	}
	return ctx
}

// pageWatch records, from the moment it is made, everything a tab reports
// that a clean page must never do: console errors, uncaught exceptions,
// failed requests and HTTP errors, error log entries and JavaScript
// dialogs. Dialogs are dismissed so the page does not hang. It also keeps
// every requested URL.
type pageWatch struct {
	mu       sync.Mutex
	errors   []string // console errors, exceptions, failed loads, error log entries
	dialogs  []string // alert, confirm, prompt, beforeunload
	requests []string // every URL the page requested
	urls     map[network.RequestID]string
}

func watchPage(t *testing.T, ctx context.Context) *pageWatch {
	t.Helper()
	w := &pageWatch{urls: map[network.RequestID]string{}}
	err := chromedp.Listen(ctx, func(ev any) {
		// Listen's func runs in the tab's event loop: record, never call.
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				w.add(&w.errors, "console.%s: %s", ev.Type, consoleArgs(ev.Args))
			}
		case *runtime.EventExceptionThrown:
			w.add(&w.errors, "uncaught exception: %s", exceptionText(ev.ExceptionDetails))
		case *network.EventLoadingFailed:
			w.add(&w.errors, "request for %s failed: %s", w.url(ev.RequestID), ev.ErrorText)
		case *network.EventResponseReceived:
			if ev.Response.Status >= 400 {
				w.add(&w.errors, "%s: HTTP %d", ev.Response.URL, ev.Response.Status)
			}
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError {
				w.add(&w.errors, "log %s: %s (%s)", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
			}
		case *network.EventRequestWillBeSent:
			w.request(ev.RequestID, ev.Request.URL)
		case *page.EventJavascriptDialogOpening:
			w.add(&w.dialogs, "%s dialog: %q", ev.Type, ev.Message)
			go dismissDialog(ctx)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func dismissDialog(ctx context.Context) {
	// The error only matters to a test that failed already: the dialog is recorded.
	_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
}

func (w *pageWatch) add(list *[]string, format string, args ...any) {
	w.mu.Lock()
	defer w.mu.Unlock()
	*list = append(*list, fmt.Sprintf(format, args...))
}

func (w *pageWatch) request(id network.RequestID, url string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.requests = append(w.requests, url)
	w.urls[id] = url
}

func (w *pageWatch) url(id network.RequestID) string {
	w.mu.Lock()
	defer w.mu.Unlock()
	if u, ok := w.urls[id]; ok {
		return u
	}
	return "request " + string(id)
}

// snapshot returns copies of what was recorded so far.
func (w *pageWatch) snapshot() (errs, dialogs, requests []string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.errors...), append([]string(nil), w.dialogs...), append([]string(nil), w.requests...)
}

// checkClean fails the test for every error and dialog recorded.
func (w *pageWatch) checkClean(t *testing.T) {
	t.Helper()
	errs, dialogs, _ := w.snapshot()
	for _, e := range errs {
		t.Errorf("page error: %s", e)
	}
	for _, d := range dialogs {
		t.Errorf("a JavaScript %s opened: hostile text ran as script", d)
	}
}

func consoleArgs(args []*runtime.RemoteObject) string {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		switch {
		case len(a.Value) > 0:
			parts = append(parts, string(a.Value))
		case a.Description != "":
			parts = append(parts, a.Description)
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, " ")
}

func exceptionText(d *runtime.ExceptionDetails) string {
	if d == nil {
		return "?"
	}
	text := d.Text
	if d.Exception != nil && d.Exception.Description != "" {
		text += " " + d.Exception.Description
	}
	return fmt.Sprintf("%s at %s:%d:%d", text, d.URL, d.LineNumber+1, d.ColumnNumber+1)
}

// evaluate runs a JavaScript expression in the tab and decodes its result.
// It works with the page's scripts disabled: DevTools evaluation is not a
// page script.
func evaluate[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluating %s: %v", firstLine(expr), err)
	}
	return v
}

// waitFor evaluates expr until it is true, and reports whether it became
// true within limit. A page that navigates meanwhile (a click on a link)
// is waited for: expr is evaluated again in the next one.
func waitFor(t *testing.T, ctx context.Context, expr string, limit time.Duration) bool {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		navigating := err != nil && (strings.Contains(err.Error(), "navigated") || strings.Contains(err.Error(), "context"))
		if err != nil && !navigating && !errors.Is(err, chromedp.ErrJSUndefined) && !errors.Is(err, chromedp.ErrJSNull) {
			t.Fatalf("evaluating %s: %v", firstLine(expr), err)
		}
		if ok {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// navigate opens url in the tab and waits for its load event.
func navigate(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(url))
	if err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
	if resp.Status != 200 {
		t.Fatalf("%s: HTTP %d", url, resp.Status)
	}
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + "…"
	}
	return s
}

// pause waits d, or fails the test when the tab's time is up first.
func pause(t *testing.T, ctx context.Context, d time.Duration) {
	t.Helper()
	select {
	case <-time.After(d):
	case <-ctx.Done():
		t.Fatalf("the tab's %v ran out: %v", tabTimeout, ctx.Err())
	}
}
