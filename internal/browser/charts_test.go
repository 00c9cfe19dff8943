package browser

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// chartState is what the page shows of one figure[data-chart].
type chartState struct {
	ID            string  `json:"id"`
	HasSVG        bool    `json:"hasSVG"`
	Marks         int     `json:"marks"` // distinct visible filled shapes: bars, slices, legend keys
	Cells         int     `json:"cells"` // table cells holding a number: not a gap, not a unit
	CanvasHidden  bool    `json:"canvasHidden"`
	CanvasHeight  float64 `json:"canvasHeight"`
	CanvasDisplay string  `json:"canvasDisplay"`
	HasDetails    bool    `json:"hasDetails"`
	DetailsOpen   bool    `json:"detailsOpen"`
	TableVisible  bool    `json:"tableVisible"` // laid out with a non-zero box
}

// chartStateJS returns a chartState for every figure[data-chart]. A mark is
// an SVG path ECharts filled with a visible colour and drew with a non-zero
// area, outside <defs>/<pattern>; two paths over the same box (a bar and
// its decal) count once. Axes, grid and the zero line are stroked, not
// filled, so they never count.
const chartStateJS = `[...document.querySelectorAll('figure[data-chart]')].map(f => {
	const canvas = f.querySelector('.chart-canvas');
	const svg = canvas ? canvas.querySelector('svg') : null;
	const details = f.querySelector('details.chart-data');
	const table = f.querySelector('table');
	const boxes = new Set();
	for (const p of svg ? svg.querySelectorAll('path') : []) {
		if (p.closest('defs, pattern')) continue;
		const fill = p.getAttribute('fill');
		if (!fill || fill === 'none' || fill === 'transparent') continue;
		if (parseFloat(p.getAttribute('fill-opacity') ?? '1') === 0) continue;
		const r = p.getBoundingClientRect();
		if (r.width * r.height < 1) continue;
		boxes.add([r.x, r.y, r.width, r.height].map(Math.round).join(','));
	}
	const tableBox = table ? table.getBoundingClientRect() : null;
	return {
		id: f.id,
		hasSVG: !!svg,
		marks: boxes.size,
		cells: [...f.querySelectorAll('table tbody td')].filter(td => /(^|[\s+\u2212-])\d/.test(td.textContent)).length,
		canvasHidden: canvas ? canvas.hidden : true,
		canvasHeight: canvas ? canvas.getBoundingClientRect().height : 0,
		canvasDisplay: canvas ? getComputedStyle(canvas).display : '',
		hasDetails: !!details,
		detailsOpen: details ? details.open : false,
		tableVisible: !!table && table.offsetParent !== null && tableBox.width > 0 && tableBox.height > 0,
	};
})`

// allDrawnJS is true once every chart has an SVG with a mark per number.
const allDrawnJS = `(() => { const s = ` + chartStateJS + `;
	return s.length > 0 && s.every(c => c.hasSVG && c.cells > 0 && c.marks >= c.cells); })()`

// openCharts opens url and waits until every chart is drawn; it returns
// the charts as drawn.
func openCharts(t *testing.T, ctx context.Context, url string) []chartState {
	t.Helper()
	navigate(t, ctx, url)
	if !waitFor(t, ctx, allDrawnJS, 10*time.Second) {
		for _, c := range evaluate[[]chartState](t, ctx, chartStateJS) {
			t.Logf("%+v", c)
		}
		t.Fatalf("%s: the charts were not all drawn within 10 s", url)
	}
	return evaluate[[]chartState](t, ctx, chartStateJS)
}

func TestExampleArticleDrawsEveryChart(t *testing.T) {
	ctx := newTab(t)
	base := serve(t, buildSite(t, exampleSite))
	watch := watchPage(t, ctx)
	charts := openCharts(t, ctx, base+exampleArticle)
	pause(t, ctx, 300*time.Millisecond) // let the entry animation finish and late errors arrive

	if len(charts) != 3 {
		t.Errorf("%d charts on the page, want the article's 3", len(charts))
	}
	for _, c := range evaluate[[]chartState](t, ctx, chartStateJS) {
		switch {
		case c.CanvasHidden || c.CanvasDisplay == "none" || c.CanvasHeight <= 0:
			t.Errorf("%s: canvas not shown (hidden=%v display=%s height=%v)", c.ID, c.CanvasHidden, c.CanvasDisplay, c.CanvasHeight)
		case c.Marks < c.Cells:
			t.Errorf("%s: %d marks drawn for %d numbers", c.ID, c.Marks, c.Cells)
		}
		if !c.HasDetails || c.DetailsOpen {
			t.Errorf("%s: data table present=%v open=%v; want present and folded after drawing", c.ID, c.HasDetails, c.DetailsOpen)
		}
		t.Logf("%s: %d marks for %d numbers, canvas %vpx high", c.ID, c.Marks, c.Cells, c.CanvasHeight)
	}
	watch.checkClean(t)
	checkSameOrigin(t, ctx, base, watch)
}

// checkSameOrigin fails for any script on the page, and any request the
// page made, that is not from the site's own origin.
func checkSameOrigin(t *testing.T, ctx context.Context, base string, watch *pageWatch) {
	t.Helper()
	scripts := evaluate[[]string](t, ctx, `[...document.scripts].filter(s => s.src).map(s => s.src)`)
	if len(scripts) == 0 {
		t.Error("the page loads no script file at all")
	}
	for _, src := range scripts {
		if !sameOrigin(src, base) {
			t.Errorf("script %s is not from %s", src, base)
		}
	}
	_, _, requests := watch.snapshot()
	for _, u := range requests {
		if !sameOrigin(u, base) && !strings.HasPrefix(u, "data:") {
			t.Errorf("the page requested %s, outside %s", u, base)
		}
	}
}

func sameOrigin(a, b string) bool {
	ua, errA := url.Parse(a)
	ub, errB := url.Parse(b)
	return errA == nil && errB == nil && ua.Scheme == ub.Scheme && ua.Host == ub.Host
}

func TestChartsInDarkMode(t *testing.T) {
	ctx := newTab(t)
	base := serve(t, buildSite(t, exampleSite))
	watch := watchPage(t, ctx)
	_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	openCharts(t, ctx, base+exampleArticle)
	if !evaluate[bool](t, ctx, `matchMedia('(prefers-color-scheme: dark)').matches`) {
		t.Fatal("the page does not see prefers-color-scheme: dark")
	}
	texts := evaluate[[]svgText](t, ctx, svgTextJS)
	if len(texts) == 0 {
		t.Fatal("the charts have no SVG text")
	}
	darkest := texts[0]
	for _, x := range texts {
		if x.Luminance < darkest.Luminance {
			darkest = x
		}
		if x.Luminance < 0.3 {
			t.Errorf("%s: text %q is drawn in %s (relative luminance %.2f): unreadable on a dark page",
				x.Chart, x.Text, x.Fill, x.Luminance)
		}
	}
	t.Logf("%d chart texts; the darkest, %q in %s, has relative luminance %.2f", len(texts), darkest.Text, darkest.Fill, darkest.Luminance)
	watch.checkClean(t)
}

// svgText is one SVG text of a chart, with its computed fill colour.
type svgText struct {
	Chart     string  `json:"chart"`
	Text      string  `json:"text"`
	Fill      string  `json:"fill"`
	Luminance float64 `json:"luminance"` // WCAG relative luminance of the fill, 0 black to 1 white
}

const svgTextJS = `[...document.querySelectorAll('figure[data-chart] .chart-canvas svg text')]
	.filter(el => el.textContent.trim() !== '')
	.map(el => {
		const fill = getComputedStyle(el).fill;
		const [r, g, b] = (fill.match(/[\d.]+/g) || [0, 0, 0]).slice(0, 3).map(v => {
			const c = Number(v) / 255;
			return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
		});
		return {chart: el.closest('figure').id, text: el.textContent, fill,
			luminance: 0.2126 * r + 0.7152 * g + 0.0722 * b};
	})`
