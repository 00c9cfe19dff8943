package browser

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// disableScripts turns the page's JavaScript off in the tab, for every page
// it opens from now on. DevTools evaluation (evaluate, waitFor) still works:
// it is not a page script.
func disableScripts(t *testing.T, ctx context.Context) {
	t.Helper()
	_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
	if err != nil {
		t.Fatal(err)
	}
}

// checkScriptsOff fails the test unless the page's own scripts really did
// not run: ECharts would have defined window.echarts.
func checkScriptsOff(t *testing.T, ctx context.Context) {
	t.Helper()
	if evaluate[bool](t, ctx, `typeof window.echarts !== 'undefined'`) {
		t.Fatal("the page's scripts ran although JavaScript is disabled")
	}
}

// checkTablesShown fails for every chart not left as its open data table.
func checkTablesShown(t *testing.T, ctx context.Context, want int) {
	t.Helper()
	charts := evaluate[[]chartState](t, ctx, chartStateJS)
	if len(charts) != want {
		t.Errorf("%d charts on the page, want %d", len(charts), want)
	}
	for _, c := range charts {
		if !c.TableVisible || !c.DetailsOpen {
			t.Errorf("%s: data table visible=%v, details open=%v; without JavaScript the table is the chart", c.ID, c.TableVisible, c.DetailsOpen)
		}
		if c.Cells == 0 {
			t.Errorf("%s: the table holds no number", c.ID)
		}
		if c.HasSVG || !c.CanvasHidden {
			t.Errorf("%s: svg=%v, canvas hidden=%v; want no drawing and the empty canvas hidden", c.ID, c.HasSVG, c.CanvasHidden)
		}
	}
}

// kpiCard is one KPI card as laid out.
type kpiCard struct {
	Label   string  `json:"label"`
	Value   string  `json:"value"`
	Width   float64 `json:"width"`
	Height  float64 `json:"height"`
	Visible bool    `json:"visible"`
}

const kpiCardsJS = `[...document.querySelectorAll('.kpi')].map(k => {
	const r = k.getBoundingClientRect();
	const s = getComputedStyle(k);
	const text = sel => { const e = k.querySelector(sel); return e ? e.textContent.trim() : ''; };
	return {label: text('.kpi__label'), value: text('.kpi__value'), width: r.width, height: r.height,
		visible: k.offsetParent !== null && s.visibility === 'visible' && s.display !== 'none'};
})`

func TestExampleArticleWithoutJavaScript(t *testing.T) {
	ctx := newTab(t)
	base := serve(t, buildSite(t, exampleSite))
	watch := watchPage(t, ctx)
	disableScripts(t, ctx)
	navigate(t, ctx, base+exampleArticle)
	checkScriptsOff(t, ctx)

	checkTablesShown(t, ctx, 3)
	cards := evaluate[[]kpiCard](t, ctx, kpiCardsJS)
	if len(cards) != 4 {
		t.Errorf("%d KPI cards, want the article's 4", len(cards))
	}
	for _, k := range cards {
		if !k.Visible || k.Width <= 0 || k.Height <= 0 || k.Label == "" || k.Value == "" {
			t.Errorf("KPI card %+v is not shown whole", k)
		}
	}
	watch.checkClean(t)
}
