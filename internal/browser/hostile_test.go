package browser

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// payload is the hostile text of testdata/hostile.txtar: every figure and
// chart text there ends with it.
const payload = `</script><script>alert(1)</script> __f__alert(2)__f__ "><img src=x onerror=alert(3)>`

// shownText is the text (textContent) the reader gets from each place
// hostile text may reach.
type shownText struct {
	DocumentTitle string   `json:"documentTitle"`
	Heading       string   `json:"heading"`
	ChartTitles   []string `json:"chartTitles"`
	Tables        []string `json:"tables"`
	Captions      []string `json:"captions"`
	InjectedImgs  int      `json:"injectedImgs"` // img elements whose src is "x"
	InlineScripts []string `json:"inlineScripts"`
}

const shownTextJS = `(() => {
	const texts = sel => [...document.querySelectorAll(sel)].map(e => e.textContent);
	return {
		documentTitle: document.title,
		heading: (document.querySelector('h1') || {textContent: ''}).textContent,
		chartTitles: texts('figure[data-chart] .chart__title'),
		tables: texts('figure[data-chart] table'),
		captions: texts('figure[data-chart] figcaption'),
		injectedImgs: [...document.querySelectorAll('img')].filter(i => i.getAttribute('src') === 'x').length,
		inlineScripts: [...document.scripts].filter(s => !s.src && !/json$/.test(s.type)).map(s => s.textContent),
	};
})()`

func TestHostileChartText(t *testing.T) {
	public := buildSite(t, extractSite(t, "hostile.txtar"))
	base := serve(t, public)
	t.Run("scripts on", func(t *testing.T) {
		ctx := newTab(t)
		watch := watchPage(t, ctx)
		charts := openCharts(t, ctx, base+hostileArticle)
		pause(t, ctx, 300*time.Millisecond)
		hoverCharts(t, ctx, len(charts))
		pause(t, ctx, 300*time.Millisecond)

		checkShownLiterally(t, evaluate[shownText](t, ctx, shownTextJS), len(charts))
		watch.checkClean(t)
	})
	t.Run("scripts off", func(t *testing.T) {
		ctx := newTab(t)
		watch := watchPage(t, ctx)
		disableScripts(t, ctx)
		navigate(t, ctx, base+hostileArticle)
		checkScriptsOff(t, ctx)
		checkTablesShown(t, ctx, 6)
		checkShownLiterally(t, evaluate[shownText](t, ctx, shownTextJS), 6)
		watch.checkClean(t)
	})
}

// checkShownLiterally fails unless the hostile text reached the reader as
// text, in every place it was written, and nowhere as markup.
func checkShownLiterally(t *testing.T, got shownText, charts int) {
	t.Helper()
	if got.InjectedImgs > 0 {
		t.Errorf("%d <img src=x> elements in the page: hostile text became markup", got.InjectedImgs)
	}
	for _, s := range got.InlineScripts {
		t.Errorf("inline script in the page: %q", s)
	}
	if !strings.Contains(got.DocumentTitle, payload) || !strings.Contains(got.Heading, payload) {
		t.Errorf("title %q, heading %q: want the hostile title literally", got.DocumentTitle, got.Heading)
	}
	for name, texts := range map[string][]string{
		"chart title": got.ChartTitles, "data table": got.Tables, "caption": got.Captions,
	} {
		if len(texts) != charts {
			t.Errorf("%d %ss for %d charts", len(texts), name, charts)
		}
		for i, text := range texts {
			if !strings.Contains(text, payload) {
				t.Errorf("%s of chart %d lacks the hostile text literally: %q", name, i+1, text)
			}
		}
	}
}

func containsPayload(texts []string) bool {
	for _, s := range texts {
		if strings.Contains(s, payload) {
			return true
		}
	}
	return false
}

// point is a place in the viewport, in CSS pixels.
type point struct {
	X, Y float64
}

// hoverCharts moves the mouse over the marks of each chart in turn (bars,
// slices, line points: what ECharts shows a tooltip for), so that ECharts
// builds its tooltips from the hostile labels, units and series names. It
// moves on to the next chart once a tooltip of this one showed the hostile
// text, and fails for a chart none of whose tooltips did.
func hoverCharts(t *testing.T, ctx context.Context, charts int) {
	t.Helper()
	for i := range charts {
		canvas := `document.querySelectorAll('figure[data-chart] .chart-canvas')[` + strconv.Itoa(i) + `]`
		marks := evaluate[[]point](t, ctx, `(`+markCentersJS+`)(`+canvas+`)`)
		if len(marks) == 0 {
			t.Errorf("chart %d: no mark to hover", i+1)
			continue
		}
		if seen := hoverMarks(t, ctx, canvas, marks); !containsPayload(seen) {
			t.Errorf("chart %d: no tooltip showed the hostile text literally; tooltips seen: %q", i+1, seen)
		}
	}
}

// hoverMarks moves the mouse from mark to mark until the tooltip of canvas
// shows the hostile text, and returns the tooltip texts it saw.
func hoverMarks(t *testing.T, ctx context.Context, canvas string, marks []point) []string {
	t.Helper()
	var seen []string
	for _, m := range marks {
		if err := chromedp.Do(ctx, chromedp.MouseEvent(chromedp.MouseMoved, m.X, m.Y)); err != nil {
			t.Fatalf("moving the mouse to %v: %v", m, err)
		}
		pause(t, ctx, 20*time.Millisecond)
		tip := evaluate[string](t, ctx, `(`+tooltipTextJS+`)(`+canvas+`)`)
		if tip != "" {
			seen = append(seen, tip)
		}
		if strings.Contains(tip, payload) {
			break
		}
	}
	return seen
}

// markCentersJS scrolls a chart into view and returns, for each of its
// marks (the filled shapes chartStateJS counts), a point inside the shape
// itself, near the middle of its box: the middle of a donut slice's box
// can fall in the hole.
const markCentersJS = `canvas => {
	canvas.scrollIntoView({block: 'center'});
	const points = [];
	for (const p of canvas.querySelectorAll('svg path')) {
		const fill = p.getAttribute('fill');
		if (p.closest('defs, pattern') || !fill || fill === 'none' || fill === 'transparent') continue;
		if (parseFloat(p.getAttribute('fill-opacity') ?? '1') === 0) continue;
		const b = p.getBBox();
		if (b.width * b.height < 1) continue;
		const grid = [];
		for (let i = 1; i < 10; i++) for (let j = 1; j < 10; j++) grid.push([i / 10, j / 10]);
		grid.sort((a, c) => Math.hypot(a[0] - 0.5, a[1] - 0.5) - Math.hypot(c[0] - 0.5, c[1] - 0.5));
		const inside = grid.map(([fx, fy]) => new DOMPoint(b.x + fx * b.width, b.y + fy * b.height))
			.find(pt => p.isPointInFill(pt));
		if (!inside) continue;
		const on = inside.matrixTransform(p.getScreenCTM());
		points.push({X: on.x, Y: on.y});
	}
	return points;
}`

// tooltipTextJS returns the text of a chart's tooltip on show: the HTML
// element ECharts adds beside the chart's SVG.
const tooltipTextJS = `canvas => [...canvas.querySelectorAll(':scope > div')]
	.filter(d => !d.querySelector('svg'))
	.filter(d => { const s = getComputedStyle(d); return s.display !== 'none' && s.visibility !== 'hidden' && s.opacity !== '0'; })
	.map(d => d.textContent).join('\n')`
