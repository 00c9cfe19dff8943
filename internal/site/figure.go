package site

// Figure is one reported number: an indicator's value for a period.
// The figures issue fills these from the front matter's figures list.
type Figure struct {
	Indicator       string // stable key shared across articles, e.g. "industry-output"
	Label           string // human label, e.g. "Giá trị sản xuất công nghiệp"
	Unit            string // e.g. "tỷ đồng"
	Period          string // "2020", "2020-Q3" or "2020-11"
	Value           float64
	HasValue        bool
	Precision       int     // decimals as written
	Qualifier       string  // "over", "nearly", "about" or empty
	Change          float64 // per cent against Base
	HasChange       bool
	ChangePrecision int
	Base            string // period compared with
	Status          string // "actual", "estimate", "target" or "forecast"
	Source          string
	Note            string
	Line            int // line of the figure in the page's source file
}

// Chart is one chart declared in the front matter or in a chart block.
type Chart struct {
	ID         string
	Type       string
	Title      string
	Indicators []string
	Periods    []string
	Measure    string // "value" or "change"
	Data       string // CSV file
	Source     string
	Note       string
	Line       int
	Placed     bool // a chart block in the body places it
}
