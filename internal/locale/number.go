package locale

import (
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// minus is the typographic minus sign (U+2212), wider and easier to read
// than the hyphen-minus the CLDR patterns give.
const minus = "\u2212"

// noBreakSpace keeps "1,7 %" on one line in Vietnamese.
const noBreakSpace = "\u00a0"

// numberPrinters holds one printer per supported base language. A
// message.Printer is immutable once made and safe for concurrent use, so
// the map is built once and only read afterwards.
var numberPrinters = map[string]*message.Printer{
	"vi": message.NewPrinter(language.Vietnamese),
	"en": message.NewPrinter(language.English),
}

func printerFor(lang string) *message.Printer {
	if p, ok := numberPrinters[Base(lang)]; ok {
		return p
	}
	return numberPrinters["en"]
}

// magnitude writes |v| rounded to decimals places with the language's
// grouping and decimal separators, and reports whether the rounded value
// is zero (so that no sign is shown for it).
func magnitude(lang string, v float64, decimals int) (text string, zero bool) {
	if v < 0 {
		v = -v
	}
	decimals = max(decimals, 0)
	text = printerFor(lang).Sprint(number.Decimal(v, number.Scale(decimals)))
	return text, !strings.ContainsAny(text, "123456789")
}

// Number writes v with decimals digits after the decimal separator:
// Number("vi", 68800, 0) → "68.800", Number("vi", 1.7, 1) → "1,7",
// Number("en", 68800, 0) → "68,800". Negative values take a minus sign
// (U+2212); a value that rounds to zero takes none.
func Number(lang string, v float64, decimals int) string {
	text, zero := magnitude(lang, v, decimals)
	if v < 0 && !zero {
		return minus + text
	}
	return text
}

// Percent writes the magnitude of a percentage, without sign:
// Percent("vi", -1.7, 1) → "1,7 %" (with a no-break space),
// Percent("en", -1.7, 1) → "1.7%".
func Percent(lang string, v float64, decimals int) string {
	text, _ := magnitude(lang, v, decimals)
	return withPercentSign(lang, text)
}

// SignedPercent writes a change in per cent with its sign:
// SignedPercent("vi", -1.7, 1) → "−1,7 %", SignedPercent("en", 2.6, 1) →
// "+2.6%". A change that rounds to zero has no sign: "0 %".
func SignedPercent(lang string, v float64, decimals int) string {
	text, zero := magnitude(lang, v, decimals)
	switch {
	case zero:
	case v < 0:
		text = minus + text
	default:
		text = "+" + text
	}
	return withPercentSign(lang, text)
}

func withPercentSign(lang, text string) string {
	if Base(lang) == "vi" {
		return text + noBreakSpace + "%"
	}
	return text + "%"
}
