package browser

import (
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// codeArticle is the article of highlightSite with code blocks.
const codeArticle = "/tin/ma-nguon/"

// strictCSP forbids inline styles and scripts and anything not from the
// site itself: highlighted code must need neither.
const strictCSP = "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:; frame-src https://www.youtube-nocookie.com https://player.vimeo.com"

// highlightSite writes a site with one article holding a Go block with a
// line far wider than a phone, a block in no language, and Go code that
// tries to close the block and run a script.
func highlightSite(t *testing.T) string {
	t.Helper()
	long := strings.Repeat("giá trị sản xuất công nghiệp ", 12)
	files := map[string]string{
		"almanac.toml":          "title = \"Mã nguồn\"\nlanguage = \"vi\"\n",
		"content/tin/_index.md": "---\ntitle: Tin\n---\n",
		"content/tin/ma-nguon.md": "---\ntitle: Mã nguồn\ndate: 2020-12-30T10:00:00+07:00\n---\n" +
			"Đoạn mở đầu.\n\n" +
			"```go\n// Tổng cộng.\nfunc total(v []float64) (sum float64) {\n\tfor _, x := range v {\n\t\tsum += x\n\t}\n" +
			"\tfmt.Println(\"" + long + "\")\n\treturn sum\n}\n```\n\n" +
			"```\nkhông có ngôn ngữ\n```\n\n" +
			"```go\nx := \"</code></pre><script>alert(1)</script>\"\n</code><script>alert(2)</script><img src=x onerror=alert(3)>\n```\n",
	}
	return writeSiteFiles(t, files)
}

// serveStrict is serve with a Content-Security-Policy that allows no
// inline style: the browser refuses, and reports, any style attribute.
func serveStrict(t *testing.T, public string) string {
	t.Helper()
	files := http.FileServer(http.Dir(public))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", strictCSP)
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// codeLook is how the open page shows its code blocks.
type codeLook struct {
	Blocks      int    `json:"blocks"`      // highlighted blocks
	Plain       int    `json:"plain"`       // pre without highlighting
	Keyword     string `json:"keyword"`     // colour of the first "func"
	Comment     string `json:"comment"`     // colour of the first comment
	Text        string `json:"text"`        // colour of the code element
	Background  string `json:"background"`  // of the first highlighted pre
	KeywordBold bool   `json:"keywordBold"` // its weight is 600 or more
	Styled      int    `json:"styled"`      // elements with a style attribute in code
	Injected    int    `json:"injected"`    // script or img elements in the article
	Hostile     string `json:"hostile"`     // text of the last block
	PreScrolls  bool   `json:"preScrolls"`  // the first pre is wider inside than out
	PreCut      bool   `json:"preCut"`      // the first pre hides what overflows
	PageWidth   int    `json:"pageWidth"`   // document scroll width
	ScreenWidth int    `json:"screenWidth"` // window inner width
	Focusable   bool   `json:"focusable"`   // the pre takes the keyboard focus
}

const codeLookJS = `(() => {
	const blocks = document.querySelectorAll('.prose pre.chroma');
	const pre = blocks[0];
	const kw = [...pre.querySelectorAll('span')].find(s => s.textContent === 'func');
	const comment = pre.querySelector('.c1');
	const code = pre.querySelector('code');
	const css = getComputedStyle(pre);
	return {
		blocks: blocks.length,
		plain: document.querySelectorAll('.prose pre:not(.chroma)').length,
		keyword: kw ? getComputedStyle(kw).color : '',
		comment: comment ? getComputedStyle(comment).color : '',
		text: getComputedStyle(code).color,
		background: css.backgroundColor,
		keywordBold: kw ? parseInt(getComputedStyle(kw).fontWeight) >= 600 : false,
		styled: document.querySelectorAll('.prose pre [style], .prose pre[style]').length,
		injected: document.querySelectorAll('.prose script, .prose img').length,
		hostile: blocks[blocks.length - 1].textContent,
		preScrolls: pre.scrollWidth > pre.clientWidth + 1,
		preCut: pre.scrollWidth > pre.clientWidth + 1 && css.overflowX !== 'auto' && css.overflowX !== 'scroll',
		pageWidth: document.documentElement.scrollWidth,
		screenWidth: window.innerWidth,
		focusable: pre.tabIndex === 0,
	};
})()`

// TestHighlightInBrowser opens an article with Go code on a 360 px phone,
// light and dark, under a Content-Security-Policy without inline styles:
// keywords and comments have colours of their own that read on the
// block's background, the long line scrolls inside its block and not the
// page, and hostile code stays text. In print, the code is black, its
// keywords bold, and its long line wrapped rather than cut.
func TestHighlightInBrowser(t *testing.T) {
	ctx := newTab(t)
	base := serveStrict(t, buildSite(t, highlightSite(t)))
	watch := watchPage(t, ctx)
	wantHostile := "x := \"</code></pre><script>alert(1)</script>\"\n</code><script>alert(2)</script><img src=x onerror=alert(3)>\n"
	for _, scheme := range []string{"light", "dark"} {
		emulateScreen(t, ctx, 360, scheme)
		navigate(t, ctx, base+codeArticle)
		look := evaluate[codeLook](t, ctx, codeLookJS)
		if look.Blocks != 2 || look.Plain != 1 {
			t.Fatalf("%s: %d highlighted blocks and %d plain, want 2 and 1", scheme, look.Blocks, look.Plain)
		}
		if look.Keyword == look.Text || look.Comment == look.Text || look.Keyword == look.Comment {
			t.Errorf("%s: keyword %s, comment %s, text %s: want three colours", scheme, look.Keyword, look.Comment, look.Text)
		}
		for what, colour := range map[string]string{"keyword": look.Keyword, "comment": look.Comment, "text": look.Text} {
			if colour == "" {
				t.Errorf("%s: no %s token in the Go block", scheme, what)
			} else if ratio := cssContrast(t, colour, look.Background); ratio < 4.5 {
				t.Errorf("%s: %s %s on %s has contrast %.2f, under WCAG AA's 4.5", scheme, what, colour, look.Background, ratio)
			}
		}
		if look.Styled != 0 || look.Injected != 0 || look.Hostile != wantHostile {
			t.Errorf("%s: %d styled and %d injected elements, hostile block reads %q", scheme, look.Styled, look.Injected, look.Hostile)
		}
		if !look.PreScrolls || look.PreCut || !look.Focusable {
			t.Errorf("%s: the long line's block scrolls %v, cuts %v, takes the focus %v; want it to scroll, by keyboard too",
				scheme, look.PreScrolls, look.PreCut, look.Focusable)
		}
		if look.PageWidth > look.ScreenWidth {
			t.Errorf("%s: the page is %d px wide on a %d px screen", scheme, look.PageWidth, look.ScreenWidth)
		}
	}

	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	look := evaluate[codeLook](t, ctx, codeLookJS)
	if look.Keyword != "rgb(0, 0, 0)" || !look.KeywordBold {
		t.Errorf("print: keyword %s, bold %v; want black and bold", look.Keyword, look.KeywordBold)
	}
	if look.PreScrolls || look.PageWidth > look.ScreenWidth {
		t.Errorf("print: the long line overflows its block (%v) or the page (%d px on %d)", look.PreScrolls, look.PageWidth, look.ScreenWidth)
	}
	watch.checkClean(t) // no dialog, no refused inline style
}

// cssContrast is the WCAG 2 contrast ratio of two computed CSS colours,
// "rgb(r, g, b)".
func cssContrast(t *testing.T, a, b string) float64 {
	t.Helper()
	lum := func(c string) float64 {
		var r, g, bl float64
		if _, err := fmt.Sscanf(c, "rgb(%g, %g, %g)", &r, &g, &bl); err != nil {
			t.Fatalf("colour %q: %v", c, err)
		}
		var l float64
		for i, v := range []float64{r, g, bl} {
			v /= 255
			if v <= 0.04045 {
				v /= 12.92
			} else {
				v = math.Pow((v+0.055)/1.055, 2.4)
			}
			l += []float64{0.2126, 0.7152, 0.0722}[i] * v
		}
		return l
	}
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}
