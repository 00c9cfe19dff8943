package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// openChromium starts headless Chromium (Debian's, or $CHROMIUM) with the
// flags of internal/browser's tests and returns a tab, closed with the
// browser when the test ends. Without a browser the test skips, or fails
// when ALMANAC_REQUIRE_BROWSER=1.
func openChromium(t *testing.T) context.Context {
	t.Helper()
	path := os.Getenv("CHROMIUM")
	if path == "" {
		path = "/usr/bin/chromium"
	}
	if _, err := os.Stat(path); err != nil {
		missing := fmt.Sprintf("no Chromium at %s (%v); install Debian's chromium package or set CHROMIUM", path, err)
		if os.Getenv("ALMANAC_REQUIRE_BROWSER") == "1" {
			t.Fatalf("ALMANAC_REQUIRE_BROWSER=1 but %s", missing)
		}
		t.Skip(missing)
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
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true), // /dev/shm is small in containers
		chromedp.Flag("disable-extensions", true),
		chromedp.WindowSize(1280, 1024),
	)
	tab, cancelTab := chromedp.NewContext(allocCtx)
	ctx, cancel := context.WithTimeout(tab, time.Minute)
	t.Cleanup(func() { cancel(); cancelTab(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	return ctx
}

// heading returns the text of the page's first h1, "" when there is none.
func heading(ctx context.Context) (string, error) {
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector("h1") || {textContent: ""}).textContent`))
	if errors.Is(err, chromedp.ErrJSUndefined) || errors.Is(err, chromedp.ErrJSNull) {
		return "", nil
	}
	return strings.TrimSpace(text), err
}

// waitForHeading polls the page's first h1 until it reads want.
func waitForHeading(t *testing.T, ctx context.Context, want string, limit time.Duration) {
	t.Helper()
	deadline := time.Now().Add(limit)
	last := ""
	for {
		// A reload in progress may fail one evaluation: poll again.
		if h, err := heading(ctx); err == nil {
			last = h
		}
		if last == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the page's h1 reads %q after %v, want %q", last, limit, want)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// listenForEventStream returns a channel closed when the tab has received
// the headers of the live-reload event stream: the page's EventSource is
// then registered with the server.
func listenForEventStream(t *testing.T, ctx context.Context) <-chan struct{} {
	t.Helper()
	connected := make(chan struct{})
	seen := false
	err := chromedp.Listen(ctx, func(ev any) {
		if r, ok := ev.(*network.EventResponseReceived); ok && !seen && strings.HasSuffix(r.Response.URL, "/_almanac/events") {
			seen = true // Listen's callbacks run one at a time, in the tab's event loop
			close(connected)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return connected
}

func TestServeBrowserReloadsOnSave(t *testing.T) {
	tab := openChromium(t)
	r := startPreview(t, extractSite(t, "serve.txtar"), previewNow)
	connected := listenForEventStream(t, tab)
	resp, err := chromedp.Run(tab, chromedp.NavigateResponse(r.base+"/tin/bai-a/"))
	if err != nil {
		t.Fatal(err)
	}
	if resp.Status != 200 {
		t.Fatalf("HTTP %d", resp.Status)
	}
	waitForHeading(t, tab, "Bài A trước khi sửa", eventLimit)
	select {
	case <-connected:
	case <-time.After(eventLimit):
		t.Fatal("the page did not open the live-reload event stream")
	}

	saved := time.Now()
	writeSiteFile(t, r.dir, articleA, retitle(t, readSiteFile(t, r.dir, articleA), "Bài A sửa khi trình duyệt đang mở"))
	waitForHeading(t, tab, "Bài A sửa khi trình duyệt đang mở", eventLimit)
	t.Logf("the open page showed the new title %v after the save", time.Since(saved).Round(time.Millisecond))
}

// TestServeBrowserSaveBeforeEventStream saves while the page's event
// stream is not open yet (held back in the browser): the page, served
// before the save, must still end up showing it.
// The page knows its build from the script tag's data-build stamp.
func TestServeBrowserSaveBeforeEventStream(t *testing.T) {
	tab := openChromium(t)
	r := startPreview(t, extractSite(t, "serve.txtar"), previewNow)
	paused := make(chan fetch.RequestID, 1)
	err := chromedp.Listen(tab, func(ev any) {
		if p, ok := ev.(*fetch.EventRequestPaused); ok {
			paused <- p.RequestID
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tab, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*/_almanac/events"}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(tab, chromedp.NavigateResponse(r.base+"/tin/bai-a/")); err != nil {
		t.Fatal(err)
	}
	var held fetch.RequestID
	select {
	case held = <-paused:
	case <-time.After(eventLimit):
		t.Fatal("the page did not request the event stream")
	}
	writeSiteFile(t, r.dir, articleA, retitle(t, readSiteFile(t, r.dir, articleA), "Bài A sửa trước khi trang nghe"))
	r.expect(t, "reload")
	if _, err := chromedp.Call(tab, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: held}); err != nil {
		t.Fatal(err)
	}
	waitForHeading(t, tab, "Bài A sửa trước khi trang nghe", eventLimit)
}
