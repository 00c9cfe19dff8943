package figure

import (
	"strconv"

	"gopkg.in/yaml.v3"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/site"
	"github.com/almanac-news/almanac/internal/yamlfield"
)

// chartAxis reads a chart's axis: {min, max}, the bounds of its value
// axis (docs/figures.md, section 4). Bars and columns start at zero, so
// their min may not be above it; a pie has no axis.
func (f *decoder) chartAxis(ch *site.Chart, v *yaml.Node) {
	if ch.Type == "pie" || ch.Type == "donut" {
		f.Errorf(v, "a %s chart has no axis", ch.Type).WithHint("remove axis:")
		return
	}
	if v.Kind != yaml.MappingNode {
		f.Errorf(v, "axis must be a set of keys, not %s", yamlfield.KindName(v)).
			WithHint("write axis: {min: 0, max: 100}")
		return
	}
	nodes := f.KeyNodes(diag.Textf("chart axis"), v, []string{"min", "max"})
	if m := nodes["min"]; m != nil {
		n, ok := f.number("min", m)
		ch.Axis.Min, ch.Axis.HasMin = n.Value, ok
		if ok && n.Value > 0 && ch.Type != "line" {
			f.Errorf(m, "the axis of a %s chart starts at zero or below, not at %s", ch.Type, m.Value).
				WithHint("bars cut off above zero mislead: remove min, or draw a line chart")
		}
	}
	if m := nodes["max"]; m != nil {
		n, ok := f.number("max", m)
		ch.Axis.Max, ch.Axis.HasMax = n.Value, ok
		if ok && n.Value < 0 && ch.Type != "line" {
			f.Errorf(m, "the axis of a %s chart ends at zero or above, not at %s", ch.Type, m.Value).
				WithHint("remove max, or draw a line chart")
		}
	}
	if ch.Axis.HasMin && ch.Axis.HasMax && ch.Axis.Min >= ch.Axis.Max {
		f.Errorf(v, "axis min %s is not below max %s", strconv.FormatFloat(ch.Axis.Min, 'f', -1, 64),
			strconv.FormatFloat(ch.Axis.Max, 'f', -1, 64)).WithHint("swap them, or remove one")
	}
}
