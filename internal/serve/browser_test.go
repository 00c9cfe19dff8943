package serve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/almanac-news/almanac/internal/diag"
)

// These tests run reload.js in headless Chromium: Debian's
// /usr/bin/chromium or $CHROMIUM. Without it they skip, unless
// ALMANAC_REQUIRE_BROWSER=1. The pages carry a strict
// Content-Security-Policy, so the script must work without inline code or
// inline styles.

// browser is the Chromium all tests of this binary share.
var browser struct {
	once    sync.Once
	ctx     context.Context
	stop    func()
	missing string
	err     error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if browser.stop != nil {
		browser.stop()
	}
	os.Exit(code)
}

func startBrowser() {
	path := os.Getenv("CHROMIUM")
	if path == "" {
		path = "/usr/bin/chromium"
	}
	if _, err := os.Stat(path); err != nil {
		browser.missing = fmt.Sprintf("no Chromium at %s; install Debian's chromium package or set CHROMIUM", path)
		return
	}
	dataDir, err := os.MkdirTemp("", "almanac-serve-chromium-")
	if err != nil {
		browser.err = err
		return
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path), chromedp.UserDataDir(dataDir), chromedp.Headless, chromedp.NoSandbox,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-gpu", true), chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true), chromedp.WindowSize(1024, 768))
	ctx, cancel := chromedp.NewContext(allocCtx)
	browser.ctx = ctx
	browser.stop = func() { cancel(); cancelAlloc(); os.RemoveAll(dataDir) }
	if err := chromedp.Do(ctx); err != nil {
		browser.err = fmt.Errorf("starting %s: %w", path, err)
	}
}

// tab opens a tab, closed when the test ends, and records the page's
// script errors, which the test can check with clean.
func tab(t *testing.T) (context.Context, func()) {
	t.Helper()
	browser.once.Do(startBrowser)
	switch {
	case browser.missing != "" && os.Getenv("ALMANAC_REQUIRE_BROWSER") == "1":
		t.Fatalf("ALMANAC_REQUIRE_BROWSER=1 but %s", browser.missing)
	case browser.missing != "":
		t.Skip(browser.missing)
	case browser.err != nil:
		t.Fatal(browser.err)
	}
	tabCtx, closeTab := chromedp.NewContext(browser.ctx)
	ctx, cancel := context.WithTimeout(tabCtx, 30*time.Second)
	t.Cleanup(func() { cancel(); closeTab() })
	var mu sync.Mutex
	var problems []string
	record := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		problems = append(problems, fmt.Sprintf(format, args...))
	}
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			record("uncaught exception: %s", ev.ExceptionDetails.Text)
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				record("console error")
			}
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError {
				record("%s: %s", ev.Entry.Source, ev.Entry.Text)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	clean := func() {
		t.Helper()
		mu.Lock()
		defer mu.Unlock()
		for _, p := range problems {
			t.Errorf("page error: %s", p)
		}
	}
	return ctx, clean
}

func evaluate[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// waitFor evaluates expr until it is true, failing the test after limit.
func waitFor(t *testing.T, ctx context.Context, expr string, limit time.Duration) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		if err != nil && !errors.Is(err, chromedp.ErrJSUndefined) && !errors.Is(err, chromedp.ErrJSNull) &&
			!strings.Contains(err.Error(), "context") && // a reload in progress
			!strings.Contains(err.Error(), "navigated or closed") {
			t.Fatalf("evaluating %s: %v", expr, err)
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s still false after %v", expr, limit)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// open navigates to target and waits until its event stream is connected.
func (r *running) open(t *testing.T, ctx context.Context, target string, streams int) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(r.base+target)); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for r.events.count() < streams {
		if time.Now().After(deadline) {
			t.Fatal("the page never opened its event stream")
		}
		time.Sleep(20 * time.Millisecond)
	}
	// The marker goes away when the page reloads.
	evaluate[bool](t, ctx, "window.marker = true")
}

// cspPage is an article page under a strict policy, with its stylesheet.
func cspPage(stylesheet string) string {
	return `<!doctype html><html><head><meta charset="utf-8">` +
		`<meta http-equiv="Content-Security-Policy" content="default-src 'self'">` +
		`<link rel="stylesheet" href="/` + stylesheet + `"></head>` +
		`<body><h1>Xuất khẩu</h1><div class="tall"></div></body></html>`
}

func browserSite(stylesheet, color string) mapTree {
	return mapTree{
		"index.html":  cspPage(stylesheet),
		stylesheet:    "h1{color:" + color + "} .tall{height:6000px}",
		"favicon.ico": "",
		"404.html":    "<!doctype html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\"></head><body><h1>404</h1></body></html>",
	}
}

func TestBrowserReloadKeepsScroll(t *testing.T) {
	ctx, clean := tab(t)
	r := startNew(t)
	r.Publish(browserSite("assets/css/main.aaaa.css", "red"), Change{})
	r.open(t, ctx, "/", 1)
	evaluate[bool](t, ctx, "window.scrollTo(0, 1500), true")

	r.Publish(browserSite("assets/css/main.aaaa.css", "red"), Change{Paths: []string{"index.html"}})
	waitFor(t, ctx, `window.marker === undefined && document.readyState === "complete"`, 10*time.Second)
	waitFor(t, ctx, "Math.abs(window.scrollY - 1500) < 2", 5*time.Second)
	clean()
}

func TestBrowserSwapsStylesheetsWithoutReload(t *testing.T) {
	ctx, clean := tab(t)
	r := startNew(t)
	r.Publish(browserSite("assets/css/main.aaaa.css", "rgb(255, 0, 0)"), Change{})
	r.open(t, ctx, "/", 1)
	waitFor(t, ctx, `getComputedStyle(document.querySelector("h1")).color === "rgb(255, 0, 0)"`, 5*time.Second)

	r.Publish(browserSite("assets/css/main.bbbb.css", "rgb(0, 128, 0)"), Change{CSSOnly: true,
		Paths: []string{"assets/css/main.aaaa.css", "assets/css/main.bbbb.css", "index.html"}})
	waitFor(t, ctx, `getComputedStyle(document.querySelector("h1")).color === "rgb(0, 128, 0)"`, 5*time.Second)
	waitFor(t, ctx, `document.querySelectorAll('link[rel="stylesheet"]').length === 1`, 5*time.Second)
	if !evaluate[bool](t, ctx, `window.marker === true && document.querySelector('link[rel="stylesheet"]').getAttribute("href") === "/assets/css/main.bbbb.css"`) {
		t.Error("the page reloaded or kept the old stylesheet")
	}
	clean()
}

func TestBrowserShowsErrorsAsText(t *testing.T) {
	ctx, clean := tab(t)
	r := startNew(t)
	r.Publish(browserSite("assets/css/main.aaaa.css", "red"), Change{})
	r.open(t, ctx, "/", 1)

	hostile := `<img src=x onerror="document.title='pwned'">`
	problems := []*diag.Problem{
		diag.Errorf(diag.Pos{File: "content/a.md", Line: 2, Col: 8}, "bad value %s", hostile).WithHint("remove %s", hostile),
	}
	r.Fail(problems, func(string) []byte { return []byte("---\ntitle: " + hostile + "\n---\n") })
	waitFor(t, ctx, `document.getElementById("almanac-errors") !== null`, 5*time.Second)
	checks := map[string]string{
		"position fixed":     `getComputedStyle(document.getElementById("almanac-errors")).position === "fixed"`,
		"position shown":     `document.querySelector("#almanac-errors .almanac-position").textContent === "content/a.md:2:8"`,
		"message as text":    `document.querySelector("#almanac-errors .almanac-message").textContent === ` + jsString("bad value "+hostile),
		"hint as text":       `document.querySelector("#almanac-errors .almanac-hint").textContent === ` + jsString("Fix: remove "+hostile),
		"marked line":        `document.querySelector("#almanac-errors .almanac-marked").textContent.includes("> 2 | title: <img")`,
		"caret under col 8":  `(m => m.textContent.indexOf("<img") === m.nextSibling.textContent.indexOf("^"))(document.querySelector("#almanac-errors .almanac-marked"))`,
		"no injected markup": `document.querySelector("#almanac-errors img") === null && document.title !== "pwned"`,
	}
	for name, expr := range checks {
		if !evaluate[bool](t, ctx, expr) {
			t.Errorf("%s: %s is false", name, expr)
		}
	}
	if !evaluate[bool](t, ctx, "window.marker === true") {
		t.Error("a failed build reloaded the page")
	}

	// A second page opened now shows the errors at once.
	ctx2, _ := tab(t)
	r.open(t, ctx2, "/", 2)
	waitFor(t, ctx2, `document.getElementById("almanac-errors") !== null`, 5*time.Second)

	r.Publish(browserSite("assets/css/main.aaaa.css", "red"), Change{Paths: []string{"index.html"}})
	waitFor(t, ctx, `window.marker === undefined && document.readyState === "complete"`, 10*time.Second)
	if evaluate[bool](t, ctx, `document.getElementById("almanac-errors") !== null`) {
		t.Error("the overlay is still shown after a good build")
	}
	clean()
}

func TestBrowserReloadsAfterServerRestart(t *testing.T) {
	ctx, _ := tab(t) // the restart makes the page log failed connections
	first := New(Options{Logf: t.Logf})
	l, err := first.Listen()
	if err != nil {
		t.Fatal(err)
	}
	go first.Serve(l)
	r := &running{Server: first, base: "http://" + l.Addr().String()}
	first.Publish(browserSite("assets/css/main.aaaa.css", "red"), Change{})
	r.open(t, ctx, "/", 1)

	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := first.Shutdown(shutdown); err != nil {
		t.Fatal(err)
	}
	second := start(t, New(Options{Logf: t.Logf, Port: l.Addr().(*net.TCPAddr).Port}))
	second.Publish(browserSite("assets/css/main.aaaa.css", "red"), Change{})
	waitFor(t, ctx, `window.marker === undefined && document.readyState === "complete"`, 10*time.Second)
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
