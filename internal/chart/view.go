package chart

import (
	"github.com/almanac-news/almanac/internal/figure"
	"github.com/almanac-news/almanac/internal/site"
)

// View is what the theme's partials/chart.html receives: one chart, its
// ECharts option (data only: it goes into the page through
// html/template's JavaScript context), its data table and the name of its
// CSV download.
type View struct {
	ID     string // HTML id, also the CSV file's name
	Chart  site.Chart
	Option any
	Table  TableData
	Key    []KeyItem // how the chart marks estimates, targets and forecasts
	CSV    string    // name of the CSV download, beside the page
	Lang   string
	Feed   bool // drawn for a feed: the table alone, no script
}

// NewView is the view of chart ch of the page at pageURL, drawing d with
// its option (Option) in lang; for a feed, the table alone.
func NewView(pageURL string, ch site.Chart, d figure.Data, option any, lang string, feed bool) View {
	id := ElementID(pageURL, ch.ID)
	return View{ID: id, Chart: ch, Option: option, Table: Table(ch, d, lang), Key: Key(ch, d, lang),
		CSV: id + ".csv", Lang: lang, Feed: feed}
}
