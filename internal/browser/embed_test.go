package browser

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
)

// videoArticle is the article of videoSite.
const videoArticle = "/tin/phong-su/"

// videoSite writes a site with one article holding a YouTube and a Vimeo
// video.
func videoSite(t *testing.T) string {
	t.Helper()
	return writeSiteFiles(t, map[string]string{
		"almanac.toml":          "title = \"Video\"\nlanguage = \"vi\"\n",
		"content/tin/_index.md": "---\ntitle: Tin\n---\n",
		"content/tin/phong-su.md": "---\ntitle: Phóng sự\ndate: 2020-12-30T10:00:00+07:00\n---\n" +
			"Đoạn mở đầu.\n\n{{< youtube id=\"dQw4w9WgXcQ\" title=\"Khu công nghiệp\" >}}\n\n" +
			"Đoạn giữa.\n\n{{< vimeo 76979871 >}}\n\nĐoạn cuối.\n",
	})
}

// players answers, in the tab, every request for a video player with a
// page of its own, so that no request leaves this machine, and records
// the URLs asked for.
type players struct {
	mu    sync.Mutex
	asked []string
}

func interceptPlayers(t *testing.T, ctx context.Context) *players {
	t.Helper()
	p := &players{}
	err := chromedp.Listen(ctx, func(ev any) {
		paused, ok := ev.(*fetch.EventRequestPaused)
		if !ok {
			return
		}
		p.mu.Lock()
		p.asked = append(p.asked, paused.Request.URL)
		p.mu.Unlock()
		go func() { // Listen's func runs in the tab's event loop: answer from elsewhere
			_, _ = chromedp.Call(ctx, fetch.FulfillRequest, fetch.FulfillRequestParams{RequestID: paused.RequestID, ResponseCode: 200,
				Body:            []byte("<!doctype html><title>player</title><p>player</p>"),
				ResponseHeaders: []*fetch.HeaderEntry{{Name: "Content-Type", Value: "text/html"}}})
		}()
	})
	if err != nil {
		t.Fatal(err)
	}
	patterns := []*fetch.RequestPattern{{URLPattern: "https://www.youtube-nocookie.com/*"}, {URLPattern: "https://player.vimeo.com/*"},
		{URLPattern: "https://*.youtube.com/*"}, {URLPattern: "https://i.ytimg.com/*"}, {URLPattern: "https://vimeo.com/*"}}
	if _, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{Patterns: patterns}); err != nil {
		t.Fatal(err)
	}
	return p
}

func (p *players) urls() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.asked...)
}

// videoBox is where the first video's box is, and what it holds.
type videoBox struct {
	Top, Height, Width float64
	X, Y               float64 // the middle of the play link, in the window
	Frames             int     // iframes in the article
	Src                string  // the first iframe's address
	Title              string  // its accessible name
	Focused            bool    // it has the keyboard focus
	Link               string  // the play link's address, while there is one
}

const videoBoxJS = `(() => {
	const link = document.querySelector('.embed__play');
	link && link.scrollIntoView({block: 'center'});
	const box = document.querySelector('.embed__frame').getBoundingClientRect();
	const frame = document.querySelector('.prose iframe');
	const at = link ? link.getBoundingClientRect() : box;
	return {x: at.left + at.width / 2, y: at.top + at.height / 2, top: box.top + window.scrollY, height: box.height, width: box.width,
		frames: document.querySelectorAll('.prose iframe').length,
		src: frame ? frame.src : '', title: frame ? frame.title : '',
		focused: !!frame && document.activeElement === frame,
		link: link ? link.href : ''};
})()`

// TestVideoPlaysOnClick opens an article with two videos on a phone and
// a desktop: until the reader clicks, the page asks nothing of another
// host, and each video is a link to its page in a 16:9 box; a click puts
// the privacy-enhanced player in the same box, with the focus, and asks
// for it (a stand-in answers here) — only that video's.
func TestVideoPlaysOnClick(t *testing.T) {
	ctx := newTab(t)
	base := serveStrict(t, buildSite(t, videoSite(t)))
	watch := watchPage(t, ctx)
	asked := interceptPlayers(t, ctx)
	for _, width := range []int{360, 1280} {
		emulateScreen(t, ctx, int64(width), "light")
		_, _, earlier := watch.snapshot()
		navigate(t, ctx, base+videoArticle)
		pause(t, ctx, 300*time.Millisecond) // lazy and deferred loads
		_, _, requests := watch.snapshot()
		for _, u := range requests[len(earlier):] {
			if !strings.HasPrefix(u, base) {
				t.Errorf("%d px: before any click the page asked for %s", width, u)
			}
		}
		if got := asked.urls(); len(got) > 0 {
			t.Fatalf("%d px: players asked for before any click: %v", width, got)
		}
		before := evaluate[videoBox](t, ctx, videoBoxJS)
		if before.Frames != 0 || before.Link != "https://www.youtube.com/watch?v=dQw4w9WgXcQ" {
			t.Fatalf("%d px: before the click: %+v", width, before)
		}
		if ratio := before.Width / before.Height; ratio < 1.76 || ratio > 1.79 {
			t.Errorf("%d px: the video's box is %.0f×%.0f, not 16:9", width, before.Width, before.Height)
		}
		if _, err := chromedp.Run(ctx, chromedp.MouseClickXY(before.X, before.Y)); err != nil {
			t.Fatal(err)
		}
		if !waitFor(t, ctx, `document.querySelectorAll('.prose iframe').length === 1`, 5*time.Second) {
			t.Fatalf("%d px: no player after the click", width)
		}
		after := evaluate[videoBox](t, ctx, videoBoxJS)
		if after.Src != "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1" || after.Title != "Khu công nghiệp" || !after.Focused {
			t.Errorf("%d px: after the click: %+v", width, after)
		}
		if after.Top != before.Top || after.Height != before.Height || after.Width != before.Width {
			t.Errorf("%d px: the box moved from %+v to %+v", width, before, after)
		}
		if !eventually(func() bool { return len(asked.urls()) > 0 }) {
			t.Errorf("%d px: the player was never asked for", width)
		}
		for _, u := range asked.urls() {
			if !strings.HasPrefix(u, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ") {
				t.Errorf("%d px: the click asked for %s", width, u)
			}
		}
		asked.mu.Lock()
		asked.asked = nil
		asked.mu.Unlock()
	}
	watch.checkClean(t)
}

// eventually reports whether ok becomes true within two seconds.
func eventually(ok func() bool) bool {
	for end := time.Now().Add(2 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if ok() {
			return true
		}
	}
	return ok()
}
