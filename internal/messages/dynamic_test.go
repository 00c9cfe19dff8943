package messages

// dynamicFormats are the calls whose format is not a constant, by file
// and format expression, with why that is right.
var dynamicFormats = map[string]string{
	"diag/text.go t.format": "Text.In renders the format a Textf call was given, which this test checks there",
	"diag/text.go english":  "a message set directly in Problem.Msg is looked up as a whole; the catalog holds it only if some call gives it as a format",
}

// Kinds of the argument a "%s" or "%v" format hands on as it is.
const (
	system    = "an error from Go or a library, said as it is"
	localized = "a diag.Text or a problem, said in the message's language"
	english   = "English made by concatenation or fmt.Sprintf in that package: NOT YET TRANSLATED"
)

// passThroughs are the calls whose format is only "%s" or "%v", so that
// the words are those of the argument, by file and argument as written.
// TestPassThroughs fails when one is missing or no longer there, so that
// every such message is known; those marked english are what is left to
// translate, and the test logs them.
var passThroughs = map[string]string{
	"almanac/serve.go err":                                     system,
	"build/bodies.go fe.Err":                                   system,
	"build/build.go err":                                       english, // config.SetBaseURL's fmt.Errorf of a problem
	"build/chartlib.go libErr.Hint":                            english, // echarts.LibraryError
	"build/chartlib.go libErr.Msg":                             english,
	"build/chartlib.go chartsAsTablesHint":                     english,
	"chart/figurecheck.go b.measure":                           system, // a YAML key: value or change
	"chart/shape.go err.hint":                                  english,
	"chart/shape.go err.msg":                                   english,
	"config/problems.go msg":                                   system, // go-toml's own message
	"config/problems.go hint":                                  english,
	"figure/refs.go IndicatorHint(page.Figures, ind)":          english,
	"figure/refs.go chartIndicatorUnknown(ch, ind)":            english,
	"figure/refs.go chartPeriodUnknown(ch, p)":                 english,
	"parse/charts.go hint":                                     english,
	"parse/figures.go figure.NumberHint(name, v.Value)":        english,
	"parse/figures.go hint":                                    english,
	"parse/figures.go figure.IndicatorHint(f.page.Figures, s)": english,
	"parse/figures.go kpiUnknown(s)":                           english,
	"render/i18n.go hint":                                      english,
	"render/i18n.go msg":                                       system, // yaml.v3's own message
	"render/plan.go err":                                       system,
	"render/problems.go templateHint(msg)":                     english,
	"render/problems.go msg":                                   system, // html/template's own message
	"render/theme.go err":                                      system,
}
