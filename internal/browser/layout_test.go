package browser

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// screenshots, when set, is a folder where TestChartLayoutAtEveryWidth
// writes a PNG of every chart at 390 and 1280 px, for a person to look at:
//
//	go test ./internal/browser -run ChartLayout -screenshots /tmp/charts
var screenshots = flag.String("screenshots", "", "write a PNG of every chart at 390 and 1280 px into this folder")

// layoutWidths are the screen widths every chart must fit (issue 9).
var layoutWidths = []int64{320, 360, 390, 768, 1280}

// phoneWidth is the widest screen on which no chart text may be smaller
// than minPhoneText.
const (
	phoneWidth   = 480
	minPhoneText = 12
)

// chartLayoutPages are the pages with charts: the example site's three
// and the test site with every kind, long labels, negative values and 2
// to 24 categories.
var chartLayoutPages = []struct{ site, page string }{
	{exampleSite, exampleArticle},
	{exampleSite, "/cong-thuong/chi-tieu-nam-2021/"},
	{exampleSite, "/cong-thuong/xuat-nhap-khau-2020/"},
	{"every-kind.txtar", "/thu/moi-kieu/"},
	{"every-kind.txtar", "/thu/bang-csv/"},
}

// layoutProblem is one defect the layout check found in a chart.
type layoutProblem struct {
	Chart string `json:"chart"`
	What  string `json:"what"`
}

// chartLayoutJS lists every layout defect of the page's drawn charts: two
// visible texts of one chart whose boxes overlap, a text outside its
// chart's box, a text smaller than minText pixels, and a page wider than
// the screen. A text is an SVG <text> with content and an opacity above
// zero; boxes that merely touch (less than one pixel) do not count.
const chartLayoutJS = `((minText) => {
	const problems = [];
	const visible = t => {
		if (!t.textContent.trim()) return false;
		for (let e = t; e && e.tagName !== 'svg'; e = e.parentElement) {
			const s = getComputedStyle(e);
			if (s.display === 'none' || s.visibility === 'hidden' || parseFloat(s.opacity) === 0) return false;
			if (parseFloat(e.getAttribute('opacity') ?? '1') === 0 || parseFloat(e.getAttribute('fill-opacity') ?? '1') === 0) return false;
		}
		const r = t.getBoundingClientRect();
		return r.width > 0 && r.height > 0;
	};
	for (const f of document.querySelectorAll('figure[data-chart]')) {
		const canvas = f.querySelector('.chart-canvas');
		const svg = canvas && canvas.querySelector('svg');
		if (!svg) { problems.push({chart: f.id, what: 'not drawn'}); continue; }
		const box = canvas.getBoundingClientRect();
		const texts = [...svg.querySelectorAll('text')].filter(visible)
			.map(t => ({text: t.textContent.trim(), r: t.getBoundingClientRect(), size: parseFloat(getComputedStyle(t).fontSize)}));
		for (const t of texts) {
			if (t.r.left < box.left - 0.5 || t.r.right > box.right + 0.5 || t.r.top < box.top - 0.5 || t.r.bottom > box.bottom + 0.5) {
				problems.push({chart: f.id, what: 'text "' + t.text + '" is cut off by the chart edge: ' +
					[t.r.left, t.r.top, t.r.right, t.r.bottom].map(Math.round) + ' outside ' + [box.left, box.top, box.right, box.bottom].map(Math.round)});
			}
			if (minText && t.size < minText) {
				problems.push({chart: f.id, what: 'text "' + t.text + '" is ' + t.size + ' px, under ' + minText});
			}
		}
		for (let i = 0; i < texts.length; i++) {
			for (let j = i + 1; j < texts.length; j++) {
				const a = texts[i].r, b = texts[j].r;
				const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
				const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
				if (w > 1 && h > 1) {
					problems.push({chart: f.id, what: 'texts "' + texts[i].text + '" and "' + texts[j].text + '" overlap'});
				}
			}
		}
	}
	const page = document.documentElement;
	if (page.scrollWidth > window.innerWidth) {
		problems.push({chart: '', what: 'the page is ' + page.scrollWidth + ' px wide on a ' + window.innerWidth + ' px screen'});
	}
	return problems;
})`

// TestChartLayoutAtEveryWidth opens every chart page at 320 to 1280 px,
// light and dark, and fails on any overlapping, cut-off or too small chart
// text and on any page wider than the screen.
func TestChartLayoutAtEveryWidth(t *testing.T) {
	ctx := newTabWithin(t, 3*time.Minute) // 50 page loads: more than one tab's usual 30 s on a loaded machine
	bases := map[string]string{}
	for _, p := range chartLayoutPages {
		if bases[p.site] == "" {
			dir := p.site
			if strings.HasSuffix(dir, ".txtar") {
				dir = extractSite(t, dir)
			}
			bases[p.site] = serve(t, buildSite(t, dir))
		}
	}
	for _, width := range layoutWidths {
		for _, scheme := range []string{"light", "dark"} {
			emulateScreen(t, ctx, width, scheme)
			for _, p := range chartLayoutPages {
				openLaidOut(t, ctx, bases[p.site]+p.page)
				minText := 0
				if width <= phoneWidth {
					minText = minPhoneText
				}
				for _, problem := range evaluate[[]layoutProblem](t, ctx, fmt.Sprintf("%s(%d)", chartLayoutJS, minText)) {
					t.Errorf("%s at %d px, %s: %s: %s", p.page, width, scheme, problem.Chart, problem.What)
				}
				if *screenshots != "" && scheme == "light" && (width == 390 || width == 1280) {
					shootCharts(t, ctx, p.page, width)
				}
			}
		}
	}
}

// laidOutJS is true once every chart has been drawn, to its end, at its
// box's present width: charts.js marks the figure with data-drawn then.
const laidOutJS = `(() => { const f = [...document.querySelectorAll('figure[data-chart]')];
	return f.length > 0 && f.every(e => e.dataset.drawn && e.dataset.drawn == e.querySelector('.chart-canvas').clientWidth); })()`

// openLaidOut opens url and waits until every chart is drawn at its width.
func openLaidOut(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	navigate(t, ctx, url)
	if !waitFor(t, ctx, laidOutJS, 10*time.Second) {
		t.Fatalf("%s: the charts were not all drawn within 10 s", url)
	}
}

// emulateScreen makes the tab a screen width px wide (a phone below 768
// px), in a light or dark colour scheme, with motion reduced so that
// charts are measured as drawn, not mid-animation.
func emulateScreen(t *testing.T, ctx context.Context, width int64, scheme string) {
	t.Helper()
	_, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: width, Height: 900, DeviceScaleFactor: 1, Mobile: width < 768,
	})
	if err == nil {
		_, err = chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{
				{Name: "prefers-color-scheme", Value: scheme},
				{Name: "prefers-reduced-motion", Value: "reduce"},
			},
		})
	}
	if err != nil {
		t.Fatalf("emulating a %d px %s screen: %v", width, scheme, err)
	}
}

// shootCharts writes a PNG of each chart of the open page.
func shootCharts(t *testing.T, ctx context.Context, page string, width int64) {
	t.Helper()
	if err := os.MkdirAll(*screenshots, 0o755); err != nil {
		t.Fatal(err)
	}
	ids := evaluate[[]string](t, ctx, `[...document.querySelectorAll('figure[data-chart]')].map(f => f.id)`)
	for _, id := range ids {
		shot, cancel := context.WithTimeout(ctx, 10*time.Second)
		png, err := chromedp.Run(shot, chromedp.Screenshot("#"+id))
		cancel()
		if err != nil {
			t.Errorf("screenshot of %s%s: %v", page, id, err)
			continue
		}
		name := fmt.Sprintf("%s-%s-%d.png", strings.Trim(strings.ReplaceAll(page, "/", "-"), "-"), id, width)
		if err := os.WriteFile(filepath.Join(*screenshots, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestChartsRelayOutWhenTheWidthChanges turns a desktop window into a
// phone and back without reloading: every chart is laid out again for
// its new width, with no text overlapping or cut off.
func TestChartsRelayOutWhenTheWidthChanges(t *testing.T) {
	ctx := newTab(t)
	base := serve(t, buildSite(t, extractSite(t, "every-kind.txtar")))
	emulateScreen(t, ctx, 1280, "light")
	openLaidOut(t, ctx, base+"/thu/moi-kieu/")
	for _, width := range []int64{390, 1024, 320} {
		emulateScreen(t, ctx, width, "light")
		if !waitFor(t, ctx, laidOutJS, 10*time.Second) {
			t.Fatalf("the charts were not laid out again for %d px", width)
		}
		minText := 0
		if width <= phoneWidth {
			minText = minPhoneText
		}
		for _, problem := range evaluate[[]layoutProblem](t, ctx, fmt.Sprintf("%s(%d)", chartLayoutJS, minText)) {
			t.Errorf("after turning to %d px: %s: %s", width, problem.Chart, problem.What)
		}
	}
}
