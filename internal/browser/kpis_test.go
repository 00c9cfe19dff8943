package browser

import (
	"fmt"
	"strings"
	"testing"
)

// kpiSite writes a site with six articles, the n-th with n KPI cards, the
// first figure of each with a note, and a chart of those figures.
func kpiSite(t *testing.T) string {
	t.Helper()
	files := map[string]string{}
	write := func(name, text string) { files[name] = text }
	write("almanac.toml", "title = \"Thẻ số liệu\"\nlanguage = \"vi\"\n")
	write("content/so/_index.md", "---\ntitle: Số\n---\n")
	for n := 1; n <= 6; n++ {
		var fm strings.Builder
		fmt.Fprintf(&fm, "---\ntitle: \"%d thẻ\"\ndate: 2020-12-%02dT10:00:00+07:00\nfigures:\n", n, 10+n)
		var inds []string
		for i := 1; i <= n; i++ {
			ind := fmt.Sprintf("chi-tieu-%d", i)
			inds = append(inds, ind)
			fmt.Fprintf(&fm, "  - indicator: %s\n    label: Chỉ tiêu số %d của tỉnh\n    unit: tỷ đồng\n    period: \"2020\"\n"+
				"    value: %d\n    change: %d.5\n    base: \"2019\"\n    status: estimate\n", ind, i, 1000*i+17, i-3)
			if i == 1 {
				fm.WriteString("    note: Số do tòa soạn tính từ báo cáo.\n")
			}
		}
		fmt.Fprintf(&fm, "charts:\n  - id: cot\n    type: column\n    title: Các chỉ tiêu\n    indicators: [%s]\n---\nBài thử.\n", strings.Join(inds, ", "))
		write(fmt.Sprintf("content/so/the-%d.md", n), fm.String())
	}
	return writeSiteFiles(t, files)
}

// kpiRowsJS returns, for the page's KPI cards, the width each row of cards
// covers and the height of the whole strip.
const kpiRowsJS = `(() => {
	const list = document.querySelector('.kpis__list');
	const rows = new Map();
	for (const li of list.children) {
		const r = li.getBoundingClientRect();
		const key = Math.round(r.top);
		const row = rows.get(key) || {left: Infinity, right: -Infinity, cards: 0};
		row.left = Math.min(row.left, r.left); row.right = Math.max(row.right, r.right); row.cards++;
		rows.set(key, row);
	}
	return {width: list.getBoundingClientRect().width, height: document.querySelector('.kpis').getBoundingClientRect().height,
		rows: [...rows.values()].map(r => ({width: r.right - r.left, cards: r.cards}))};
})()`

type kpiRows struct {
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
	Rows   []struct {
		Width float64 `json:"width"`
		Cards int     `json:"cards"`
	} `json:"rows"`
}

// TestKPIGridHasNoOrphans checks 1 to 6 cards at phone, tablet and desktop
// widths: every row of cards spans the strip (no card left alone in a
// part-filled row), and on a phone the strip takes at most two thirds of
// a 900 px screen.
func TestKPIGridHasNoOrphans(t *testing.T) {
	ctx := newTab(t)
	base := serve(t, buildSite(t, kpiSite(t)))
	for _, width := range []int64{360, 390, 768, 1280} {
		emulateScreen(t, ctx, width, "light")
		for n := 1; n <= 6; n++ {
			navigate(t, ctx, fmt.Sprintf("%s/so/the-%d/", base, n))
			got := evaluate[kpiRows](t, ctx, kpiRowsJS)
			var layout []int
			for _, r := range got.Rows {
				layout = append(layout, r.Cards)
				if r.Width < got.Width-2 {
					t.Errorf("%d cards at %d px: a row of %d cards spans %.0f of %.0f px (rows %v)", n, width, r.Cards, r.Width, got.Width, got.Rows)
				}
			}
			if width < 480 && got.Height > 600 {
				t.Errorf("%d cards at %d px take %.0f px, more than two thirds of the screen", n, width, got.Height)
			}
			t.Logf("%d cards at %d px: rows %v, %.0f px high", n, width, layout, got.Height)
		}
	}
}

// TestFigureNotesReachTheReader checks that a figure's note is a numbered
// footnote under the chart, marked on its value in the table and in the
// drawn chart, with and without JavaScript.
func TestFigureNotesReachTheReader(t *testing.T) {
	ctx := newTab(t)
	base := serve(t, buildSite(t, kpiSite(t)))
	openLaidOut(t, ctx, base+"/so/the-3/")
	notes := evaluate[[]string](t, ctx, `[...document.querySelectorAll('.chart__notes li')].map(li => li.value + ' ' + li.textContent)`)
	if len(notes) != 1 || notes[0] != "1 Số do tòa soạn tính từ báo cáo." {
		t.Errorf("notes under the chart %q, want the one note numbered 1", notes)
	}
	if !evaluate[bool](t, ctx, `document.querySelector('.chart__notes').offsetParent !== null`) {
		t.Error("the notes are not shown once the chart is drawn")
	}
	marks := evaluate[[]string](t, ctx, `[...document.querySelectorAll('.chart__table td')].filter(td => td.querySelector('sup')).map(td => td.textContent)`)
	if len(marks) != 1 || !strings.HasPrefix(marks[0], "1.017") || !strings.HasSuffix(marks[0], "1") {
		t.Errorf("table cells with a mark %q, want the first value's", marks)
	}
	labels := evaluate[[]string](t, ctx, `[...document.querySelectorAll('.chart-canvas svg text')].map(t => t.textContent).filter(t => /¹/.test(t))`)
	if len(labels) != 1 || !strings.HasPrefix(labels[0], "1.017") {
		t.Errorf("chart labels with the mark ¹: %q, want the first value's", labels)
	}
}
