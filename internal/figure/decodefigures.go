package figure

import (
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/site"
	"github.com/almanac-news/almanac/internal/yamlfield"
)

// The front-matter keys figures and kpis (docs/figures.md, sections 2
// and 3). The keys of a page may come in any order: figures, kpis and
// charts are decoded after every other key, in that order, so that kpis
// and charts are checked against the page's figures wherever they are.

var figureKeys = []string{"indicator", "label", "unit", "period", "value", "qualifier",
	"change", "base", "status", "source", "note", "polarity"}

const periodFormsHint = `write "2020" for a year, "2020-Q3" for a quarter or "2020-11" for a month`

// figureDraft is one figure being decoded, with the nodes of its keys.
type figureDraft struct {
	fig   site.Figure
	nodes map[string]*yaml.Node
	at    *yaml.Node // the figure's mapping
}

// Keys are the front-matter keys DecodeKeys reads, in the order it reads them.
var Keys = [...]string{"figures", "kpis", "charts"}

// decoder reads the figures, kpis and charts of one page.
type decoder struct {
	*yamlfield.Reader
	page *site.Page
}

// DecodeKeys decodes the values of the front-matter keys figures, kpis
// and charts (nil where a key is not given, in the order of Keys) into
// page, with r, which reports each problem at its node. Package parse
// calls it once every other key of the page is read, so that it may
// check kpis and charts against the page's figures, whatever the order
// of the keys.
func DecodeKeys(r *yamlfield.Reader, page *site.Page, values [len(Keys)]*yaml.Node) {
	f := &decoder{Reader: r, page: page}
	for i, decode := range [...]func(*decoder, *yaml.Node){(*decoder).figures, (*decoder).kpis, (*decoder).charts} {
		if v := values[i]; v != nil {
			decode(f, v)
		}
	}
}

// figures decodes the figures list into the page.
func (f *decoder) figures(v *yaml.Node) {
	if v.Kind != yaml.SequenceNode {
		f.Errorf(v, "figures must be a list of figures, each with indicator, period and value, not %s", yamlfield.KindName(v)).
			WithHint("start each figure on a line of its own with \"- indicator: …\"")
		return
	}
	var drafts []*figureDraft
	for _, item := range v.Content {
		if d := f.figure(item); d != nil {
			drafts = append(drafts, d)
		}
	}
	drafts = f.withoutDuplicates(drafts)
	f.carryOver(drafts)
	for _, d := range drafts {
		f.page.Figures = append(f.page.Figures, d.fig)
	}
}

// figure decodes one figure; it returns nil when the figure has no valid
// indicator or period, the two keys that make it a
func (f *decoder) figure(n *yaml.Node) *figureDraft {
	if n.Kind != yaml.MappingNode {
		f.Errorf(n, "each figure must be a set of keys (indicator, period, value…), not %s", yamlfield.KindName(n)).
			WithHint("write a figure as indented key: value lines after \"- \", e.g. - indicator: industry-output")
		return nil
	}
	d := &figureDraft{nodes: f.KeyNodes(diag.Textf("figure"), n, figureKeys), at: n,
		fig: site.Figure{Position: site.Position{Line: n.Line, Col: n.Column}, Status: "actual"}}
	identified := f.figureIndicator(d)
	identified = f.figurePeriod(d) && identified
	f.figureTexts(d)
	f.figureNumbers(d)
	f.figureWords(d)
	f.figureBase(d)
	if !identified {
		return nil
	}
	return d
}

func (f *decoder) figureIndicator(d *figureDraft) bool {
	v := d.nodes["indicator"]
	if v == nil {
		f.Errorf(d.at, "figure has no indicator").
			WithHint("add indicator: industry-output, the key of what is measured")
		return false
	}
	s, ok := f.StrictText("indicator", v)
	if ok && !yamlfield.ValidKey(s) {
		f.Errorf(v, "indicator %q is not a key", s).
			WithHint("use a-z, 0-9 and hyphens, e.g. %s", yamlfield.ExampleKey(s, "industry-output"))
		return false
	}
	d.fig.Indicator = s
	return ok
}

func (f *decoder) figurePeriod(d *figureDraft) bool {
	v := d.nodes["period"]
	if v == nil {
		f.Errorf(d.at, "figure has no period").WithHint(`add period: "2020"`)
		return false
	}
	p, ok := f.period("period", v)
	if ok {
		d.fig.Period = p.String()
	}
	return ok
}

func (f *decoder) figureTexts(d *figureDraft) {
	for _, t := range []struct {
		name  string
		dst   *string
		empty bool // may be left empty with "key:"
	}{{"label", &d.fig.Label, false}, {"unit", &d.fig.Unit, true},
		{"source", &d.fig.Source, false}, {"note", &d.fig.Note, true}} {
		if v := d.nodes[t.name]; v != nil && !(t.empty && v.Tag == "!!null") {
			*t.dst, _ = f.StrictText(t.name, v)
		}
	}
}

func (f *decoder) figureNumbers(d *figureDraft) {
	if v := d.nodes["value"]; v != nil {
		n, ok := f.number("value", v)
		d.fig.Value, d.fig.Precision, d.fig.HasValue = n.Value, n.Precision, ok
		if ok && ThreeDecimals(v.Value) {
			whole := strings.ReplaceAll(v.Value, ".", "")
			f.Problems = append(f.Problems, diag.Warnf(f.Pos(v), "value %s is read as %s, not %s",
				v.Value, strconv.FormatFloat(n.Value, 'f', -1, 64), whole).
				WithHint("if you meant %s, write it without the dot: in front matter the dot is the decimal point", whole))
		}
	}
	if v := d.nodes["change"]; v != nil {
		n, ok := f.number("change", v)
		d.fig.Change, d.fig.ChangePrecision, d.fig.HasChange = n.Value, n.Precision, ok
		d.fig.ChangePos = site.Position{Line: v.Line, Col: v.Column}
	}
	if d.nodes["value"] == nil && d.nodes["change"] == nil {
		f.Errorf(d.at, "%s has neither value nor change", figureName(d.fig)).
			WithHint("add value: 68800 (in the unit), change: -1.7 (in per cent against base), or both")
	}
}

func (f *decoder) figureWords(d *figureDraft) {
	if v := d.nodes["qualifier"]; v != nil {
		d.fig.Qualifier, _ = f.Choice("qualifier", v, Qualifiers, QualifierMeanings, QualifierHint)
		if d.nodes["value"] == nil {
			f.Errorf(v, "qualifier needs a value").
				WithHint("a qualifier says how the source words the value; add value: or remove qualifier")
		}
	}
	if v := d.nodes["status"]; v != nil {
		if s, ok := f.Choice("status", v, Statuses, StatusMeanings, StatusHint); ok {
			d.fig.Status = s
		}
	}
	if v := d.nodes["polarity"]; v != nil {
		if s, ok := f.Choice("polarity", v, Polarities, PolarityMeanings, PolarityHint); ok && s != "neutral" {
			d.fig.Polarity = s
		}
	}
}

// figureBase reads base, or makes it the previous period when the figure
// has a change.
func (f *decoder) figureBase(d *figureDraft) {
	period, periodOK := ParsePeriod(d.fig.Period)
	v := d.nodes["base"]
	if v == nil {
		if d.fig.HasChange && periodOK {
			d.fig.Base = period.Previous().String()
		}
		return
	}
	base, ok := f.period("base", v)
	switch {
	case !ok:
	case d.nodes["change"] == nil:
		f.Errorf(v, "base is given but the figure has no change").
			WithHint("base is the period change compares with; add change: or remove base")
	case periodOK && !base.EndsBefore(period):
		f.Errorf(v, "base %q is not before period %q", base.String(), period.String()).
			WithHint("base is the earlier period the change compares with, e.g. base: %q", period.Previous().String())
	default:
		d.fig.Base = base.String()
	}
}

// period reads a period: text in one of the accepted forms, or a bare year.
func (f *decoder) period(name string, v *yaml.Node) (Period, bool) {
	if v.Kind != yaml.ScalarNode || (v.Tag != "!!str" && v.Tag != "!!int" && v.Tag != "!!timestamp") {
		f.Errorf(v, "%s must be a period such as \"2020\", not %s", name, yamlfield.KindName(v)).WithHint(periodFormsHint)
		return Period{}, false
	}
	p, ok := ParsePeriod(strings.TrimSpace(v.Value))
	if ok {
		return p, true
	}
	pr := f.Errorf(v, "%s %q is not a period", name, v.Value)
	if fixed, ok := FixPeriod(v.Value); ok {
		pr.WithHint(`write %q (the accepted forms are "2020", "2020-Q3" and "2020-11")`, fixed)
	} else {
		pr.WithHint(periodFormsHint)
	}
	return Period{}, false
}

// number reads a number written the machine way, keeping its precision.
func (f *decoder) number(name string, v *yaml.Node) (Number, bool) {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" || v.Tag == "!!bool" {
		f.Errorf(v, "%s must be a number, not %s", name, yamlfield.KindName(v)).
			WithHint("write for example %s: %s", name, map[string]string{"value": "68800", "change": "-1.7", "min": "0", "max": "100"}[name])
		return Number{}, false
	}
	if n, ok := ParseNumber(v.Value); ok && v.Tag != "!!str" {
		return n, true
	}
	if v.Tag == "!!int" || v.Tag == "!!float" {
		if full, ok := InFull(v.Value); ok {
			f.Errorf(v, "%s %s must be written in full", name, v.Value).WithHint("write %s: %s", name, full)
		} else {
			f.Errorf(v, "%s %s is not a number Almanac can show", name, v.Value).
				WithHint("write the number in digits, e.g. %s: 68800", name)
		}
		return Number{}, false
	}
	f.Errorf(v, "%s must be a number, not %q", name, v.Value).WithHint("%s", NumberHint(name, v.Value))
	return Number{}, false
}

// figureName names a figure in messages: "figure of industry-output in 2020".
func figureName(fig site.Figure) diag.Text {
	if fig.Indicator == "" || fig.Period == "" {
		return diag.Textf("figure")
	}
	return diag.Textf("figure of %s in %s", fig.Indicator, fig.Period)
}

// withoutDuplicates reports and drops a second figure of one indicator for one period.
func (f *decoder) withoutDuplicates(drafts []*figureDraft) []*figureDraft {
	type key struct{ indicator, period string }
	first := map[key]*figureDraft{}
	return slices.DeleteFunc(drafts, func(d *figureDraft) bool {
		k := key{d.fig.Indicator, d.fig.Period}
		if prev, dup := first[k]; dup {
			f.Errorf(d.at, "%s already has a figure for %s", k.indicator, k.period).
				Also(f.Pos(prev.at)).WithHint("keep one: an indicator has one figure per period")
			return true
		}
		first[k] = d
		return false
	})
}

// carryOver gives every figure its indicator's label, unit and polarity,
// reporting an indicator without label and one with two labels, units or
// polarities.
func (f *decoder) carryOver(drafts []*figureDraft) {
	labels, units, polarities := map[string]givenText{}, map[string]givenText{}, map[string]givenText{}
	for _, d := range drafts {
		f.sameText("label", labels, d.fig.Indicator, d.fig.Label, d.nodes["label"])
		f.sameText("unit", units, d.fig.Indicator, d.fig.Unit, d.nodes["unit"])
		f.sameText("polarity", polarities, d.fig.Indicator, d.fig.Polarity, d.nodes["polarity"])
	}
	reported := map[string]bool{}
	for _, d := range drafts {
		ind := d.fig.Indicator
		if _, ok := labels[ind]; !ok && !reported[ind] {
			reported[ind] = true
			f.Errorf(d.at, "indicator %s has no label", ind).
				WithHint("add label: … (the indicator's name for readers) to its first figure")
		}
		d.fig.Label, d.fig.Unit, d.fig.Polarity = labels[ind].text, units[ind].text, polarities[ind].text
	}
}

// givenText is a label or unit and where it was first given.
type givenText struct {
	text string
	at   *yaml.Node
}

func (f *decoder) sameText(name string, given map[string]givenText, indicator, text string, v *yaml.Node) {
	if v == nil {
		return
	}
	prev, ok := given[indicator]
	if !ok {
		given[indicator] = givenText{text, v}
		return
	}
	if prev.text != text {
		f.Errorf(v, "%s %q differs from %q given for %s at line %d", name, text, prev.text, indicator, prev.at.Line).
			Also(f.Pos(prev.at)).
			WithHint("an indicator has one %s in an article: give it once, on its first figure", name)
	}
}

// kpis decodes the list of indicators shown as KPI cards.
func (f *decoder) kpis(v *yaml.Node) {
	items := f.Nodes("kpis", v)
	f.page.KPIs = []string{} // given, even empty: no default
	seen := map[string]*yaml.Node{}
	for _, item := range items {
		s, ok := f.StrictText("kpis entry", item)
		if !ok {
			continue
		}
		if prev, dup := seen[s]; dup {
			f.Errorf(item, "kpis names %s twice", s).Also(f.Pos(prev)).WithHint("keep one")
			continue
		}
		seen[s] = item
		f.page.KPIs = append(f.page.KPIs, s)
		if !HasIndicator(f.page.Figures, s) {
			f.Errorf(item, "%s", kpiUnknown(s)).WithHint("%s", IndicatorHint(f.page.Figures, s))
		}
	}
}

func kpiUnknown(indicator string) diag.Text {
	return diag.Textf("kpis names %s, which no figure has", indicator)
}
