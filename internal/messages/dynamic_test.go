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
)

// passThroughs are the calls whose format is only "%s" or "%v", so that
// the words are those of the argument, by file and argument as written.
// TestPassThroughs fails when one is missing or no longer there, so that
// every such message is known. There is no kind for English words made by
// concatenation or fmt.Sprintf: such a message stays English on a
// Vietnamese site, so it must be a diag.Text (a constant format and its
// arguments) before it is handed on.
var passThroughs = map[string]string{
	"almanac/serve.go err":                                                system,
	"build/bodies.go fe.Err":                                              system,
	"build/chartlib.go libErr.Hint":                                       localized, // echarts.LibraryError
	"build/chartlib.go libErr.Msg":                                        localized,
	"build/chartlib.go chartsAsTablesHint":                                localized,
	"build/shortcodes.go figure.IndicatorHint(h.page.Figures, indicator)": localized,
	"config/problems.go msg":                                              system, // go-toml's own message
	"config/problems.go hint":                                             localized,
	"figure/chartcheck.go b.measure":                                      system, // a YAML key: value or change
	"figure/chartshape.go e.hint":                                         localized,
	"figure/chartshape.go e.msg":                                          localized,
	"figure/refs.go IndicatorHint(page.Figures, ind)":                     localized,
	"figure/refs.go chartIndicatorUnknown(ch, ind)":                       localized,
	"figure/refs.go chartPeriodUnknown(ch, p)":                            localized,
	"figure/check.go hint":                                                localized,
	"figure/decodecharts.go hint":                                         localized,
	"figure/decodefigures.go NumberHint(name, v.Value)":                   localized,
	"figure/decodefigures.go IndicatorHint(f.page.Figures, s)":            localized,
	"figure/decodefigures.go kpiUnknown(s)":                               localized,
	"yamlfield/reader.go hint":                                            localized,
	"render/i18n.go hint":                                                 localized,
	"render/i18n.go msg":                                                  system, // yaml.v3's own message
	"render/plan.go err":                                                  system,
	"render/problems.go templateHint(msg)":                                localized,
	"render/problems.go msg":                                              system, // html/template's own message
	"render/theme.go err":                                                 system,
	"shortcode/parse.go hint":                                             localized, // problemAt's diag.Text
	"shortcode/parse.go msg":                                              localized,
}
