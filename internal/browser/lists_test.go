package browser

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// listWidthJS measures a list page: the width of its list (the card grid,
// or the index of tags) as a share of the main column's content width,
// the number of columns of the card grid, and whether the page is wider
// than the screen.
const listWidthJS = `(() => {
	const main = document.querySelector('main');
	const list = main.querySelector('.card-grid--list, .terms, .archive');
	const cs = getComputedStyle(main);
	const inner = main.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
	const cols = list.classList.contains('card-grid--list')
		? getComputedStyle(list).gridTemplateColumns.split(' ').length : 0;
	return {share: list.getBoundingClientRect().width / inner, columns: cols,
		overflow: document.documentElement.scrollWidth > window.innerWidth};
})()`

type listWidth struct {
	Share    float64 `json:"share"`
	Columns  int     `json:"columns"`
	Overflow bool    `json:"overflow"`
}

// Section, tag and month lists and the index of tags take the page's
// width: three columns of cards on a wide screen, one on a phone, never
// wider than the screen (issue 9).
func TestListsUseThePageWidth(t *testing.T) {
	ctx := newTab(t)
	base := serve(t, buildSite(t, exampleSite))
	pages := []struct {
		url     string
		columns map[int64]int // by screen width; 0 for the index of tags
	}{
		{"/cong-thuong/", map[int64]int{1280: 3, 768: 2, 390: 1}},
		{"/tags/thuong-mai/", map[int64]int{1280: 3, 768: 2, 390: 1}},
		{"/archive/2020/12/", map[int64]int{1280: 3, 768: 2, 390: 1}},
		{"/tags/", map[int64]int{1280: 0, 768: 0, 390: 0}},
	}
	for _, width := range []int64{1280, 768, 390} {
		setWidth(t, ctx, width)
		for _, p := range pages {
			navigate(t, ctx, base+p.url)
			got := evaluate[listWidth](t, ctx, listWidthJS)
			at := fmt.Sprintf("%s at %d px", p.url, width)
			if got.Share < 0.99 {
				t.Errorf("%s: the list takes %.0f%% of the page's width", at, got.Share*100)
			}
			if got.Columns != p.columns[width] {
				t.Errorf("%s: %d columns of cards, want %d", at, got.Columns, p.columns[width])
			}
			if got.Overflow {
				t.Errorf("%s: the page is wider than the screen", at)
			}
		}
	}
}

// setWidth emulates a screen width pixels wide.
func setWidth(t *testing.T, ctx context.Context, width int64) {
	t.Helper()
	_, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: width, Height: 900, DeviceScaleFactor: 1, Mobile: width < 768,
	})
	if err != nil {
		t.Fatalf("emulating a %d px screen: %v", width, err)
	}
}
