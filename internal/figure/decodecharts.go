package figure

import (
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/site"
	"github.com/almanac-news/almanac/internal/yamlfield"
)

// Chart declarations (docs/figures.md, section 4): the front matter's
// charts list and the body's chart blocks.

var (
	chartKeys = []string{"id", "type", "title", "subtitle", "indicators", "periods", "measure",
		"data", "axis", "source", "note"}
)

var measureHint = diag.Textf("value draws the figures' values, change their changes in per cent")

// charts decodes the front matter's charts into the page.
func (f *decoder) charts(v *yaml.Node) {
	charts, problems := DecodeCharts(f.File, v)
	f.Problems = append(f.Problems, problems...)
	f.page.Charts = charts
	for _, ch := range charts {
		f.Problems = append(f.Problems, CheckChartRefs(f.page, ch)...)
	}
}

// DecodeCharts decodes the charts list n of a front matter in file. Every
// chart needs an id, unique in the list. References to the page's
// figures are checked separately, by CheckChartRefs. A chart with errors
// is still returned when it has an id, so that the blocks placing it are
// not reported too.
func DecodeCharts(file string, n *yaml.Node) ([]site.Chart, []*diag.Problem) {
	f := &decoder{Reader: &yamlfield.Reader{File: file}}
	if n.Kind != yaml.SequenceNode {
		f.Errorf(n, "charts must be a list of charts, each with id, type and title, not %s", yamlfield.KindName(n)).
			WithHint("start each chart on a line of its own with \"- id: …\"")
		return nil, f.Problems
	}
	var charts []site.Chart
	ids := map[string]*yaml.Node{}
	for _, item := range n.Content {
		ch, nodes := f.chart(item, true)
		if ch.ID == "" {
			continue
		}
		if prev, dup := ids[ch.ID]; dup {
			f.Errorf(nodes["id"], "chart id %s is used twice", ch.ID).Also(f.Pos(prev)).
				WithHint("give each chart of the article its own id")
			continue
		}
		ids[ch.ID] = nodes["id"]
		charts = append(charts, ch)
	}
	return charts, f.Problems
}

// DecodeChartBlock decodes the YAML body of a ```chart block whose first
// line is line firstLine of file. A block holding only an id refers to a
// chart of the front matter (Ref is set and only ID); any other block
// declares a whole chart (Inline is set), whose id may be left out.
func DecodeChartBlock(file string, body []byte, firstLine int) (site.Chart, []*diag.Problem) {
	f := &decoder{Reader: &yamlfield.Reader{File: file}}
	root := f.blockRoot(body, firstLine)
	if root == nil {
		return site.Chart{}, f.Problems
	}
	if len(root.Content) == 2 && root.Content[0].Value == "id" {
		ch := site.Chart{Position: site.Position{Line: root.Line, Col: root.Column}, Ref: true}
		if ch.ID = f.Text("chart id", root.Content[1]); ch.ID == "" && len(f.Problems) == 0 {
			f.Errorf(root.Content[1], "the chart block names no chart").
				WithHint("write the id of a chart declared under charts:, e.g. id: bien-dong-2020")
		}
		return ch, f.Problems
	}
	ch, _ := f.chart(root, false)
	ch.Inline = true
	return ch, f.Problems
}

// blockRoot parses a chart block's YAML, in the file's own lines.
func (f *decoder) blockRoot(body []byte, firstLine int) *yaml.Node {
	root, err := yamlfield.Parse(f.File, body, firstLine-1)
	if err != nil {
		f.Problems = append(f.Problems, diag.Errorf(err.Pos, "chart block is not valid YAML: %s", err.Msg).
			WithHint("write key: value lines, and quote values that contain \": \""))
		return nil
	}
	if root == nil {
		f.Problems = append(f.Problems, diag.Errorf(diag.Pos{File: f.File, Line: max(firstLine-1, 1)},
			"the chart block is empty").
			WithHint("name a chart declared under charts: (id: bien-dong-2020), or declare one here with type, title and indicators or data"))
		return nil
	}
	if root.Kind != yaml.MappingNode {
		f.Errorf(root, "a chart block must hold key: value lines, not %s", yamlfield.KindName(root)).
			WithHint("write id: bien-dong-2020 to place a declared chart")
		return nil
	}
	return root
}

// chart decodes one chart declaration; needID is true in the front matter.
func (f *decoder) chart(n *yaml.Node, needID bool) (site.Chart, map[string]*yaml.Node) {
	if n.Kind != yaml.MappingNode {
		f.Errorf(n, "each chart must be a set of keys (id, type, title, indicators or data…), not %s", yamlfield.KindName(n)).
			WithHint("write a chart as indented key: value lines after \"- \", e.g. - id: bien-dong-2020")
		return site.Chart{}, nil
	}
	nodes := f.KeyNodes(diag.Textf("chart"), n, chartKeys)
	ch := site.Chart{Position: site.Position{Line: n.Line, Col: n.Column}}
	f.chartID(&ch, nodes["id"], n, needID)
	if v := nodes["type"]; v == nil {
		f.Errorf(n, "%s has no type", ChartName(ch)).WithHint("add type: one of %s", strings.Join(ChartTypes, ", "))
	} else {
		ch.Type, _ = f.Choice("chart type", v, ChartTypes, nil, diag.Textf("the types are %s", strings.Join(ChartTypes, ", ")))
	}
	if v := nodes["title"]; v == nil {
		f.Errorf(n, "%s has no title", ChartName(ch)).WithHint(`add title: "…", the chart's caption`)
	} else {
		ch.Title = f.Text("title", v)
	}
	if v := nodes["subtitle"]; v != nil {
		ch.Subtitle = f.Text("subtitle", v)
	}
	f.chartDrawing(&ch, nodes, n)
	f.chartMeasure(&ch, nodes)
	if v := nodes["axis"]; v != nil {
		f.chartAxis(&ch, v)
	}
	if v := nodes["source"]; v != nil {
		ch.Source = f.Text("source", v)
	}
	if v := nodes["note"]; v != nil {
		ch.Note = f.Text("note", v)
	}
	return ch, nodes
}

func (f *decoder) chartID(ch *site.Chart, v, n *yaml.Node, needID bool) {
	if v == nil {
		if needID {
			f.Errorf(n, "chart has no id").
				WithHint("add id: bien-dong-2020; a chart block in the body places the chart by naming its id")
		}
		return
	}
	s := f.Text("chart id", v)
	if !yamlfield.ValidKey(s) {
		f.Errorf(v, "chart id %q is not a key", s).
			WithHint("use a-z, 0-9 and hyphens, e.g. %s", yamlfield.ExampleKey(s, "bien-dong-2020"))
		return
	}
	ch.ID = s
}

// chartDrawing reads what the chart draws: the figures of its indicators,
// or the CSV file of data, whose columns indicators then selects; and
// which periods (rows of the file).
func (f *decoder) chartDrawing(ch *site.Chart, nodes map[string]*yaml.Node, n *yaml.Node) {
	ind, data := nodes["indicators"], nodes["data"]
	if ind == nil && data == nil {
		f.Errorf(n, "%s draws nothing; add indicators: [...] or data: file.csv", ChartName(*ch)).
			WithHint("indicators draws the article's figures (indicators: [industry-output]); data draws a CSV file (data: xuat-nhap-khau.csv)")
	}
	if ind != nil {
		ch.Indicators, ch.IndicatorPos = f.PositionedTexts("indicators", ind, nil)
		ch.Indicators, ch.IndicatorPos = f.once(ch.Indicators, ch.IndicatorPos, func(at diag.Pos, s string) *diag.Problem {
			return diag.Errorf(at, "%s names indicator %s twice", ChartName(*ch), s)
		})
	}
	if data != nil {
		f.chartData(ch, data)
		ch.Columns = slices.Clone(ch.Indicators)
		if ch.Data == "" { // reported: its columns are not figures to check
			ch.Indicators, ch.IndicatorPos, ch.Columns = nil, nil, nil
		}
	}
	if v := nodes["periods"]; v != nil {
		read := f.chartPeriod
		if data != nil { // rows of the CSV file: any text of its first column
			read = nil
		}
		ch.Periods, ch.PeriodPos = f.PositionedTexts("periods", v, read)
		ch.Periods, ch.PeriodPos = f.once(ch.Periods, ch.PeriodPos, func(at diag.Pos, s string) *diag.Problem {
			return diag.Errorf(at, "%s names period %s twice", ChartName(*ch), s)
		})
	}
	if ch.Type == "target" && data != nil {
		f.Errorf(data, "a target chart cannot be drawn from a CSV file").
			WithHint("a CSV file has no status; draw the figures with indicators instead")
	}
}

// once reports with twice an entry a chart lists twice (an indicator or
// a period: a column or row drawn twice) and keeps the first.
func (f *decoder) once(items []string, at []site.Position, twice func(diag.Pos, string) *diag.Problem) ([]string, []site.Position) {
	first := map[string]site.Position{}
	var keptItems []string
	var keptAt []site.Position
	for i, s := range items {
		if prev, seen := first[s]; seen {
			f.Problems = append(f.Problems, twice(diag.Pos{File: f.File, Line: at[i].Line, Col: at[i].Col}, s).
				Also(diag.Pos{File: f.File, Line: prev.Line, Col: prev.Col}).WithHint("keep one"))
			continue
		}
		first[s] = at[i]
		keptItems, keptAt = append(keptItems, s), append(keptAt, at[i])
	}
	return keptItems, keptAt
}

func (f *decoder) chartPeriod(v *yaml.Node) (string, bool) {
	p, ok := f.period("period", v)
	return p.String(), ok
}

func (f *decoder) chartData(ch *site.Chart, v *yaml.Node) {
	s := f.Text("data", v)
	switch {
	case s == "":
	case strings.Contains(s, "://") || strings.HasPrefix(s, "/") || strings.Contains(s, `\`) ||
		slices.Contains(strings.Split(s, "/"), "..") || (len(s) > 1 && s[1] == ':'):
		f.Errorf(v, "chart data %q leaves the site's folders", s).
			WithHint("name a file in the page's folder or under data/, e.g. data: xuat-nhap-khau.csv")
	case !strings.HasSuffix(strings.ToLower(s), ".csv"):
		f.Errorf(v, "chart data %q is not a CSV file", s).WithHint("name a .csv file, e.g. data: xuat-nhap-khau.csv")
	default:
		ch.Data = s
	}
}

// chartMeasure reads measure: "change" by default for a change chart,
// else "value".
func (f *decoder) chartMeasure(ch *site.Chart, nodes map[string]*yaml.Node) {
	ch.Measure = "value"
	if ch.Type == "change" {
		ch.Measure = "change"
	}
	v := nodes["measure"]
	if v == nil {
		return
	}
	if nodes["data"] != nil {
		f.Errorf(v, "measure cannot be set for a chart drawn from a CSV file").
			WithHint("remove measure: the cells are drawn as they are, as per cent changes in a change chart")
		return
	}
	m, ok := f.Choice("measure", v, Measures, nil, measureHint)
	switch {
	case !ok:
	case ch.Type == "change" && m == "value":
		f.Errorf(v, "a change chart draws changes; remove measure: value").
			WithHint("to draw values, use type: column or bar")
	default:
		ch.Measure = m
	}
}

// ChartBlocks follows the chart blocks of one page's body, in order: it
// resolves the blocks that place a chart of the front matter, checks the
// blocks that declare one, and remembers what is placed. Use one per page,
// from one goroutine.
type ChartBlocks struct {
	page     *site.Page
	placed   map[string]diag.Pos // front-matter chart id → the block placing it
	declared map[string]diag.Pos // id of a chart declared in a block → that block
}

// NewChartBlocks starts following the chart blocks of page.
func NewChartBlocks(page *site.Page) *ChartBlocks {
	return &ChartBlocks{page: page, placed: map[string]diag.Pos{}, declared: map[string]diag.Pos{}}
}

// Block decodes the chart block whose YAML body starts on line firstLine
// of the page's file and returns the chart to draw in its place, with
// Placed set: the front matter's chart it names, or the chart it declares.
// When the problems hold an error, nothing is to be drawn there.
func (b *ChartBlocks) Block(body []byte, firstLine int) (site.Chart, []*diag.Problem) {
	ch, problems := DecodeChartBlock(b.page.Source, body, firstLine)
	if diag.HasError(problems) {
		return ch, problems
	}
	if ch.Ref {
		return b.place(ch)
	}
	return ch, append(problems, b.declare(&ch)...)
}

func (b *ChartBlocks) frontMatterChart(id string) (site.Chart, bool) {
	i := slices.IndexFunc(b.page.Charts, func(c site.Chart) bool { return !c.Inline && c.ID == id })
	if i < 0 {
		return site.Chart{}, false
	}
	return b.page.Charts[i], true
}

func (b *ChartBlocks) pos(ch site.Chart) diag.Pos {
	return diag.Pos{File: b.page.Source, Line: ch.Line, Col: ch.Col}
}

func (b *ChartBlocks) place(ref site.Chart) (site.Chart, []*diag.Problem) {
	at := b.pos(ref)
	ch, ok := b.frontMatterChart(ref.ID)
	if !ok {
		var ids []string
		for _, c := range b.page.Charts {
			if !c.Inline {
				ids = append(ids, c.ID)
			}
		}
		hint := diag.Textf("the front matter declares no charts; declare it under charts:, or give this block type, title and indicators or data")
		if len(ids) > 0 {
			hint = diag.Textf("the declared ids are %s", strings.Join(ids, ", "))
		}
		return ref, []*diag.Problem{diag.Errorf(at, "no chart %s declared in charts", ref.ID).WithHint("%s", hint)}
	}
	if prev, twice := b.placed[ref.ID]; twice {
		return ref, []*diag.Problem{diag.Errorf(at, "chart %s is placed twice", ref.ID).Also(prev).
			WithHint("remove one of the two blocks")}
	}
	b.placed[ref.ID] = at
	ch.Placed = true
	return ch, nil
}

func (b *ChartBlocks) declare(ch *site.Chart) []*diag.Problem {
	ch.Placed = true
	at := b.pos(*ch)
	var problems []*diag.Problem
	if decl, ok := b.frontMatterChart(ch.ID); ok && ch.ID != "" {
		problems = append(problems, diag.Errorf(at, "chart %s is declared at line %d; a block that places it names only its id",
			ch.ID, decl.Line).Also(b.pos(decl)).
			WithHint("write only id: %s in this block, or give this chart another id", ch.ID))
	} else if prev, dup := b.declared[ch.ID]; dup && ch.ID != "" {
		problems = append(problems, diag.Errorf(at, "chart id %s is used twice", ch.ID).Also(prev).
			WithHint("give each chart of the article its own id"))
	} else if ch.ID != "" {
		b.declared[ch.ID] = at
	}
	return append(problems, CheckChartRefs(b.page, *ch)...)
}

// Unplaced returns the charts of the front matter that no block placed,
// in their order: they are drawn after the body.
func (b *ChartBlocks) Unplaced() []site.Chart {
	var out []site.Chart
	for _, c := range b.page.Charts {
		if _, placed := b.placed[c.ID]; !placed && !c.Inline {
			out = append(out, c)
		}
	}
	return out
}
