package site

// Figure is one reported number: an indicator's value for a period.
// The parse stage fills these from the front matter's figures list
// (docs/figures.md, section 2); label and unit are already carried over
// from the indicator's other figures.
type Figure struct {
	Indicator       string // stable key shared across articles, e.g. "industry-output"
	Label           string // human label, e.g. "Giá trị sản xuất công nghiệp"
	Unit            string // e.g. "tỷ đồng"; empty for plain counts
	Period          string // "2020", "2020-Q3" or "2020-11"
	Value           float64
	HasValue        bool
	Precision       int     // decimals as written: 68800 → 0, 1.70 → 2
	Qualifier       string  // "over", "nearly", "about" or empty; qualifies Value only
	Change          float64 // per cent against Base
	HasChange       bool
	ChangePrecision int
	Base            string // period compared with; set whenever HasChange
	Status          string // "actual", "estimate", "target" or "forecast"
	Source          string
	Note            string
	Polarity        string   // "higher-is-better", "higher-is-worse" or "" (neutral); the same for all figures of an indicator
	Position                 // of the figure's first key in the page's source file
	ChangePos       Position // where change is written; zero without change
}

// Chart is one chart declared in the front matter or in a chart block
// (docs/figures.md, section 4).
type Chart struct {
	ID         string // empty only for a chart declared in a block without id
	Type       string // bar, column, line, pie, donut, change or target
	Title      string
	Indicators []string // the indicators of the page's figures to draw; with Data, the CSV columns
	Periods    []string // only these periods (with Data, these rows); empty for all
	Measure    string   // "value" or "change" ("change" for a change chart)
	Data       string   // a CSV file to draw instead of figures, as written (bundle, then data/)
	Columns    []string // with Data: the labels of the CSV columns to draw (Indicators); empty for all
	Subtitle   string   // a line under the title: what is measured, in what
	Axis       Axis     // bounds of the value axis the writer set
	Source     string
	Note       string
	Position   // of the chart's first key in the page's source file
	// IndicatorPos and PeriodPos give the position of each entry of
	// Indicators and Periods, for errors found after parsing.
	IndicatorPos []Position
	PeriodPos    []Position
	Ref          bool // a chart block naming only the id of a front-matter chart
	Inline       bool // declared entirely in a chart block of the body
	Placed       bool // a chart block in the body places it
}

// Axis is the value axis' bounds a chart sets; without them the axis
// fits the data.
type Axis struct {
	Min, Max       float64
	HasMin, HasMax bool
}

// Position is a line and column in a page's source file.
type Position struct {
	Line int
	Col  int
}
