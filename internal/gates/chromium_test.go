package gates

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
	tabTimeout      = 30 * time.Second    // the longest one page may use its tab
)

// startChromium starts headless Chromium for the test and its subtests and
// returns the browser's context; tabs are its children. The browser stops
// when the test ends. Without a browser the test skips, or fails when
// ALMANAC_REQUIRE_BROWSER=1.
func startChromium(t *testing.T) context.Context {
	t.Helper()
	path := os.Getenv("CHROMIUM")
	if path == "" {
		path = defaultChromium
	}
	if _, err := os.Stat(path); err != nil {
		skipOrFail(t, "no Chromium at %s (%v); install Debian's chromium package or set CHROMIUM", path, err)
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Headless,
		chromedp.NoSandbox, // the tests may run as root, where the sandbox refuses to start
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true), // /dev/shm is small in containers
		chromedp.WindowSize(1280, 1024),
	)
	ctx, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancelBrowser(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		t.Fatalf("starting %s: %v", path, err)
	}
	return ctx
}

// openTab opens a tab in the browser, closed when the test ends.
func openTab(t *testing.T, browser context.Context) context.Context {
	t.Helper()
	tab, closeTab := chromedp.NewContext(browser)
	ctx, cancel := context.WithTimeout(tab, tabTimeout)
	t.Cleanup(func() { cancel(); closeTab() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	return ctx
}

// pageProblems records, from the moment it is made, what a clean page never
// does: console errors, uncaught exceptions, failed requests, HTTP errors
// and error log entries.
type pageProblems struct {
	mu       sync.Mutex
	problems []string
	urls     map[network.RequestID]string
}

func watchTab(t *testing.T, ctx context.Context) *pageProblems {
	t.Helper()
	w := &pageProblems{urls: map[network.RequestID]string{}}
	err := chromedp.Listen(ctx, func(ev any) {
		// Listen's func runs in the tab's event loop: record, never call.
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				w.add("console.%s: %s", ev.Type, consoleArgs(ev.Args))
			}
		case *runtime.EventExceptionThrown:
			w.add("uncaught exception: %s", exceptionText(ev.ExceptionDetails))
		case *network.EventRequestWillBeSent:
			w.request(ev.RequestID, ev.Request.URL)
		case *network.EventLoadingFailed:
			w.add("request for %s failed: %s", w.url(ev.RequestID), ev.ErrorText)
		case *network.EventResponseReceived:
			if ev.Response.Status >= 400 {
				w.add("%s: HTTP %d", ev.Response.URL, ev.Response.Status)
			}
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError {
				w.add("log %s: %s (%s)", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
			}
		case *page.EventJavascriptDialogOpening:
			w.add("a JavaScript %s dialog opened: %q", ev.Type, ev.Message)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func (w *pageProblems) add(format string, args ...any) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.problems = append(w.problems, fmt.Sprintf(format, args...))
}

func (w *pageProblems) request(id network.RequestID, url string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.urls[id] = url
}

func (w *pageProblems) url(id network.RequestID) string {
	w.mu.Lock()
	defer w.mu.Unlock()
	if u, ok := w.urls[id]; ok {
		return u
	}
	return "request " + string(id)
}

// report fails the test for every problem recorded so far.
func (w *pageProblems) report(t *testing.T, page string) {
	t.Helper()
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, p := range w.problems {
		t.Errorf("%s: %s", page, p)
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

// waitFor evaluates expr until it is true, and reports whether it became
// true within limit.
func waitFor(t *testing.T, ctx context.Context, expr string, limit time.Duration) bool {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		if err != nil && !errors.Is(err, chromedp.ErrJSUndefined) && !errors.Is(err, chromedp.ErrJSNull) {
			t.Fatalf("evaluating %.60s…: %v", expr, err)
		}
		if ok || time.Now().After(deadline) {
			return ok
		}
		time.Sleep(50 * time.Millisecond)
	}
}
