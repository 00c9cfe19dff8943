package browser

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// bilingualSite writes a site in Vietnamese whose article has an English
// translation, and one article that has none.
func bilingualSite(t *testing.T) string {
	t.Helper()
	return writeSiteFiles(t, map[string]string{
		"almanac.toml":                  "title = \"Bản tin\"\nlanguage = \"vi\"\n[languages.en]\ntitle = \"Newsletter\"\n",
		"content/tin/_index.md":         "---\ntitle: Tin\n---\n",
		"content/tin/_index.en.md":      "---\ntitle: News\n---\n",
		"content/tin/san-xuat.md":       "---\ntitle: Sản xuất công nghiệp\ndate: 2020-12-30T10:00:00+07:00\n---\nGiá trị sản xuất giảm 1,7%.\n",
		"content/tin/san-xuat.en.md":    "---\ntitle: Industrial output\ndate: 2020-12-30T10:00:00+07:00\n---\nIndustrial output fell 1.7%.\n",
		"content/tin/chi-tieng-viet.md": "---\ntitle: Chỉ có tiếng Việt\ndate: 2020-12-29T10:00:00+07:00\n---\nKhông có bản dịch.\n",
	})
}

// switcher is how the open page shows its language switcher.
type switcher struct {
	Lang        string  `json:"lang"`      // <html lang>
	Title       string  `json:"title"`     // <h1>
	Links       int     `json:"links"`     // links in the switcher
	Current     string  `json:"current"`   // text of the link marked current
	Other       string  `json:"other"`     // href of the other language's link
	OtherLang   string  `json:"otherLang"` // its lang attribute
	X           float64 `json:"x"`         // the middle of that link
	Y           float64 `json:"y"`
	Height      float64 `json:"height"`      // its height: a target a finger can hit
	Visible     bool    `json:"visible"`     // within the window
	PageWidth   int     `json:"pageWidth"`   // document scroll width
	ScreenWidth int     `json:"screenWidth"` // window inner width
}

const switcherJS = `(() => {
	const links = [...document.querySelectorAll('nav.languages a')];
	const other = links.find(a => !a.hasAttribute('aria-current'));
	const current = links.find(a => a.hasAttribute('aria-current'));
	const box = other ? other.getBoundingClientRect() : {left: 0, top: 0, width: 0, height: 0, right: 0, bottom: 0};
	const h1 = document.querySelector('h1');
	return {lang: document.documentElement.lang, title: h1 ? h1.textContent.trim() : '', links: links.length,
		current: current ? current.textContent : '', other: other ? other.href : '', otherLang: other ? other.lang : '',
		x: box.left + box.width / 2, y: box.top + box.height / 2, height: box.height,
		visible: box.width > 0 && box.right <= window.innerWidth && box.bottom <= window.innerHeight,
		pageWidth: document.documentElement.scrollWidth, screenWidth: window.innerWidth};
})()`

// TestLanguageSwitcher reads an article on a phone and a desktop, clicks
// English and is on its translation, clicks Tiếng Việt and is back; on an
// article without a translation, English leads to the English home page.
func TestLanguageSwitcher(t *testing.T) {
	ctx := newTab(t)
	base := serve(t, buildSite(t, bilingualSite(t)))
	watch := watchPage(t, ctx)
	click := func(s switcher) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.MouseClickXY(s.X, s.Y)); err != nil {
			t.Fatal(err)
		}
		pause(t, ctx, 300*time.Millisecond)
	}
	for _, width := range []int64{360, 1280} {
		emulateScreen(t, ctx, width, "light")
		navigate(t, ctx, base+"/tin/san-xuat/")
		vi := evaluate[switcher](t, ctx, switcherJS)
		if vi.Lang != "vi" || vi.Links != 2 || vi.Current != "Tiếng Việt" || vi.Other != base+"/en/tin/san-xuat/" || vi.OtherLang != "en" {
			t.Fatalf("%d px: the Vietnamese article's switcher: %+v", width, vi)
		}
		if !vi.Visible || vi.Height < 24 || vi.PageWidth > vi.ScreenWidth {
			t.Errorf("%d px: the switcher's link is visible %v, %.0f px high; the page is %d px wide on %d", width, vi.Visible, vi.Height, vi.PageWidth, vi.ScreenWidth)
		}
		click(vi)
		en := evaluate[switcher](t, ctx, switcherJS)
		if en.Lang != "en" || en.Title != "Industrial output" || en.Current != "English" || en.Other != base+"/tin/san-xuat/" {
			t.Fatalf("%d px: after clicking English: %+v", width, en)
		}
		click(en)
		if back := evaluate[switcher](t, ctx, switcherJS); back.Lang != "vi" || back.Title != "Sản xuất công nghiệp" {
			t.Errorf("%d px: after clicking Tiếng Việt: %+v", width, back)
		}
	}
	navigate(t, ctx, base+"/tin/chi-tieng-viet/")
	alone := evaluate[switcher](t, ctx, switcherJS)
	if alone.Other != base+"/en/" {
		t.Fatalf("the untranslated article's English link leads to %s", alone.Other)
	}
	click(alone)
	if home := evaluate[switcher](t, ctx, switcherJS); home.Lang != "en" || home.Current != "English" {
		t.Errorf("the English home page: %+v", home)
	}
	watch.checkClean(t)
}
