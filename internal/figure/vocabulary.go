package figure

// The words of the figures format and the hints given when a writer uses
// other words (docs/figures.md, sections 2.3, 2.4 and 2.6).

var (
	// Qualifiers are the accepted values of a figure's qualifier.
	Qualifiers = []string{"over", "nearly", "about"}
	// Statuses are the accepted values of a figure's status.
	Statuses = []string{"actual", "estimate", "target", "forecast"}
	// Polarities are the accepted values of a figure's polarity: whether a
	// rise of the indicator is good news, bad news, or neither.
	Polarities = []string{"higher-is-better", "higher-is-worse", "neutral"}
	// PolarityMeanings maps other words for a polarity to the accepted one.
	PolarityMeanings = map[string]string{"better": "higher-is-better", "good": "higher-is-better",
		"up": "higher-is-better", "worse": "higher-is-worse", "bad": "higher-is-worse", "down": "higher-is-worse",
		"none": "neutral"}

	// QualifierMeanings maps words a writer may use for a qualifier,
	// lower case, to the accepted one.
	QualifierMeanings = map[string]string{"trên": "over", "tren": "over", "hơn": "over",
		"gần": "nearly", "gan": "nearly", "almost": "nearly",
		"khoảng": "about", "khoang": "about", "around": "about", "approximately": "about"}
	// StatusMeanings maps words a writer may use for a status, lower case,
	// to the accepted one.
	StatusMeanings = map[string]string{"ước": "estimate", "ước tính": "estimate",
		"ước đạt": "estimate", "ước thực hiện": "estimate", "uoc tinh": "estimate",
		"kế hoạch": "target", "mục tiêu": "target", "phấn đấu": "target", "chỉ tiêu": "target",
		"plan": "target", "goal": "target", "dự báo": "forecast", "du bao": "forecast",
		"thực hiện": "actual", "final": "actual"}
)

const (
	// QualifierHint explains the qualifiers in Vietnamese terms.
	QualifierHint = "trên is over, gần is nearly, khoảng is about"
	// PolarityHint explains the polarities.
	PolarityHint = "higher-is-better colours a rise green and a fall red, higher-is-worse the other way round, neutral neither"
	// StatusHint explains the statuses in Vietnamese terms.
	StatusHint = "ước tính is estimate; kế hoạch, mục tiêu and phấn đấu are target; dự báo is forecast"
)

// NumberHint says how to write the text given for the number key name
// ("value" or "change") the machine way: "write 68800, without thousands
// separators".
func NumberHint(name, text string) string {
	fixed, fix := FixNumber(text)
	switch fix {
	case FixQuotes:
		return "write " + fixed + ", without quotes"
	case FixThousands:
		return "write " + fixed + ", without thousands separators"
	case FixDecimalComma:
		return "write " + fixed + ", with a dot"
	case FixPercent:
		if name == "change" {
			return "write " + fixed + ": change is already in per cent"
		}
		return "write " + fixed + " and put % in unit"
	case FixMinus:
		return "write " + fixed + ": use the ASCII minus sign -"
	case FixUnit:
		return "write " + fixed + " and put the unit in unit"
	case FixFull:
		return "write " + fixed + ", in plain digits"
	}
	return "write digits with a dot before any decimals, e.g. 68800 or -1.7"
}
