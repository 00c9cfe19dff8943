package figure

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// Number is a number as written in front matter: its value and the
// number of decimals written, which is the precision the source stated.
type Number struct {
	Value     float64
	Precision int
}

// machineNumber is the only accepted way to write a number: an optional
// sign, digits and a dot before any decimals (docs/figures.md, 2.3).
var machineNumber = regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?$`)

// ParseNumber reads a number written the machine way: "68800" →
// {68800, 0}, "1.70" → {1.7, 2}, "-1.7", "+2.6". ok is false for any other
// form, exponents and thousands separators included.
func ParseNumber(text string) (n Number, ok bool) {
	if !machineNumber.MatchString(text) {
		return Number{}, false
	}
	v, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsInf(v, 0) {
		return Number{}, false
	}
	if i := strings.IndexByte(text, '.'); i >= 0 {
		n.Precision = len(text) - i - 1
	}
	n.Value = v
	return n, true
}

// ThreeDecimals reports whether a number written the machine way has
// exactly three decimals, as 68.800: in Vietnamese that dot separates
// thousands, so the writer may have meant 68800.
func ThreeDecimals(text string) bool {
	n, ok := ParseNumber(text)
	return ok && n.Precision == 3
}

// Fix tells how a number written another way differs from the machine way.
type Fix int

const (
	FixNone         Fix = iota // no good guess
	FixQuotes                  // a number given as text: "68800"
	FixThousands               // thousands separators: "68,800", "68.800", "68 800"
	FixDecimalComma            // a decimal comma: "-1,7"
	FixPercent                 // a per cent sign: "1.7%"
	FixMinus                   // a typographic minus or dash: "−1.7"
	FixUnit                    // a unit after the number: "68800 tỷ đồng"
	FixFull                    // an exponent, underscores or another base: 6.88e4, 1_000, 0x10
)

var (
	viThousands  = regexp.MustCompile(`^[+-]?[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?$`)
	enThousands  = regexp.MustCompile(`^[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$`)
	decimalComma = regexp.MustCompile(`^[+-]?[0-9]+,[0-9]+$`)
	dashes       = []string{"\u2212", "\u2013", "\u2014"}
)

// FixNumber guesses the machine form of a number written another way and
// says what was wrong with it: "68,800" → "68800", FixThousands;
// "−1,7" → "-1.7", FixMinus; "1.7%" → "1.7", FixPercent. The first
// problem found is the one named.
func FixNumber(text string) (string, Fix) {
	t := strings.TrimSpace(text)
	if viThousands.MatchString(t) && !strings.Contains(t, ",") {
		return strings.ReplaceAll(t, ".", ""), FixThousands // "68.800" given as text
	}
	if _, ok := ParseNumber(t); ok {
		return t, FixQuotes
	}
	if rest, ok := strings.CutSuffix(t, "%"); ok {
		if fixed, fix := FixNumber(rest); fix != FixNone {
			return fixed, FixPercent
		}
	}
	for _, d := range dashes {
		if rest, ok := strings.CutPrefix(t, d); ok {
			if fixed, fix := FixNumber("-" + rest); fix != FixNone {
				return fixed, FixMinus
			}
		}
	}
	if fixed, ok := InFull(t); ok {
		return fixed, FixFull
	}
	if i := strings.IndexFunc(t, unicode.IsLetter); i > 0 {
		if fixed, fix := FixNumber(t[:i]); fix != FixNone {
			return fixed, FixUnit
		}
	}
	return withoutSeparators(t)
}

// withoutSeparators removes thousands separators and decimal commas.
func withoutSeparators(t string) (string, Fix) {
	spaced := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u202f' {
			return -1
		}
		return r
	}, t)
	switch {
	case viThousands.MatchString(spaced):
		return strings.ReplaceAll(strings.ReplaceAll(spaced, ".", ""), ",", "."), FixThousands
	case enThousands.MatchString(spaced):
		return strings.ReplaceAll(spaced, ",", ""), FixThousands
	case decimalComma.MatchString(spaced):
		return strings.ReplaceAll(spaced, ",", "."), FixDecimalComma
	case spaced != t:
		if _, ok := ParseNumber(spaced); ok {
			return spaced, FixThousands
		}
	}
	return "", FixNone
}

// InFull writes a finite number given with an exponent, underscores or in
// another base in plain digits: "6.88e4" → "68800", "0x10" → "16",
// ".5" → "0.5". ok is false for text that is no number, and for .inf and
// .nan.
func InFull(text string) (string, bool) {
	if i, err := strconv.ParseInt(text, 0, 64); err == nil {
		return strconv.FormatInt(i, 10), true
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(text, "_", ""), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return "", false
	}
	return strconv.FormatFloat(v, 'f', -1, 64), true
}
