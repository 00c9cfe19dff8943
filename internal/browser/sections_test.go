package browser

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// crumbsJS reads the breadcrumb of a page: the names of its links, whether
// they sit on one line, and which menu entry the masthead marks.
const crumbsJS = `(() => {
	const links = [...document.querySelectorAll('.breadcrumb a')];
	const tops = new Set(links.map(a => Math.round(a.getBoundingClientRect().top)));
	const current = [...document.querySelectorAll('.sections-nav a[aria-current]')]
		.map(a => a.textContent + '=' + a.getAttribute('aria-current'));
	return {names: links.map(a => a.textContent), lines: tops.size, current: current,
		overflow: document.documentElement.scrollWidth > window.innerWidth};
})()`

type crumbs struct {
	Names    []string `json:"names"`
	Lines    int      `json:"lines"`
	Current  []string `json:"current"`
	Overflow bool     `json:"overflow"`
}

// An article of a subsection shows the whole trail, home › section ›
// subsection, on one line (two on a phone), never wider than the screen; the menu marks the top-level
// section it is within; clicking the subsection's crumb opens its list,
// which shows its own trail (issue 12).
func TestBreadcrumbsOfANestedSection(t *testing.T) {
	ctx := newTab(t)
	base := serve(t, buildSite(t, exampleSite))
	article := base + "/cong-thuong/cong-nghiep/cum-cong-nghiep-va-dien-luc/"
	for _, width := range []int64{1280, 360} {
		setWidth(t, ctx, width)
		navigate(t, ctx, article)
		got := evaluate[crumbs](t, ctx, crumbsJS)
		at := fmt.Sprintf("at %d px", width)
		if strings.Join(got.Names, " › ") != "Trang chủ › Công Thương › Công nghiệp" {
			t.Errorf("%s: breadcrumb %q", at, got.Names)
		}
		if lines := map[int64]int{1280: 1, 360: 2}[width]; got.Lines > lines || got.Overflow {
			t.Errorf("%s: the breadcrumb takes %d lines (at most %d); page wider than the screen: %v", at, got.Lines, lines, got.Overflow)
		}
		if strings.Join(got.Current, ",") != "Công Thương=true" {
			t.Errorf("%s: the menu marks %q, want Công Thương as the section the page is within", at, got.Current)
		}
	}
	evaluate[bool](t, ctx, `(document.querySelector('.breadcrumb li:last-child a').click(), true)`)
	if !waitFor(t, ctx, `location.pathname === '/cong-thuong/cong-nghiep/' && document.readyState === 'complete'`, 5*time.Second) {
		t.Fatal("the subsection's crumb does not open its list")
	}
	got := evaluate[crumbs](t, ctx, crumbsJS)
	if strings.Join(got.Names, " › ") != "Trang chủ › Công Thương" || strings.Join(got.Current, ",") != "Công Thương=true" {
		t.Errorf("the subsection's list: breadcrumb %q, menu marks %q", got.Names, got.Current)
	}
	h1 := evaluate[string](t, ctx, `document.querySelector('h1').textContent`)
	if h1 != "Công nghiệp" {
		t.Errorf("the subsection's list is titled %q", h1)
	}
	navigate(t, ctx, base+"/cong-thuong/")
	sub := evaluate[[]string](t, ctx, `[...document.querySelectorAll('.subsections a')].map(a => a.textContent)`)
	if strings.Join(sub, ",") != "Công nghiệp" {
		t.Errorf("Công Thương lists the subsections %q", sub)
	}
}
