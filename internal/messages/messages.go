// Package messages is the catalog of what Almanac says to the people who
// run it: every error, warning and hint of a build, the command line's
// summary lines and the preview's overlay, in English and Vietnamese.
//
// A message is keyed by its English format string, the one the code
// passes to diag.Errorf, diag.Warnf, WithHint or diag.Textf; Vietnamese
// gives the same verbs, with explicit argument indexes (%[2]s) where
// Vietnamese puts them in another order:
//
//	"chart %s is placed twice" → "biểu đồ %s được đặt hai lần"
//
// English needs no table: the format is its own translation. The
// catalog is a plain map rather than golang.org/x/text/message, whose
// printer formats every number by the locale's rules: a year or a line
// number given with %d would print as 2.020 in Vietnamese. The tests of
// this package parse the whole module and fail when a format used there
// has no Vietnamese entry, when an entry is no longer used, or when an
// entry's verbs differ from the English ones.
package messages

import (
	"fmt"
	"strings"
)

// Language is a language Almanac speaks to its users in.
type Language int

// The languages.
const (
	English Language = iota
	Vietnamese
)

// Languages lists the language codes ParseLanguage knows, for messages.
func Languages() []string { return []string{"vi", "en"} }

// ForSite is the language for a site whose almanac.toml says language =
// tag: Vietnamese for "vi" and anything starting with it ("vi-VN"),
// English for everything else.
func ForSite(tag string) Language {
	if strings.HasPrefix(strings.ToLower(tag), "vi") {
		return Vietnamese
	}
	return English
}

// ParseLanguage reads a language given on the command line: "vi" or "en",
// or a tag starting with one of them ("vi-VN", "en-GB").
func ParseLanguage(tag string) (Language, bool) {
	t := strings.ToLower(tag)
	switch {
	case t == "vi" || strings.HasPrefix(t, "vi-") || strings.HasPrefix(t, "vi_"):
		return Vietnamese, true
	case t == "en" || strings.HasPrefix(t, "en-") || strings.HasPrefix(t, "en_"):
		return English, true
	}
	return English, false
}

// String is the language's code: "en" or "vi".
func (l Language) String() string {
	if l == Vietnamese {
		return "vi"
	}
	return "en"
}

// Localized is a value that can say itself in a language, such as a
// diag.Text given as the argument of another message.
type Localized interface {
	In(Language) string
}

// Format returns the format in l: format itself in English, and its
// catalog entry in Vietnamese, or format when there is none (the tests
// make sure there always is).
func Format(l Language, format string) string {
	if l == English {
		return format
	}
	if v, ok := vietnamese[format]; ok {
		return v
	}
	return format
}

// Has reports whether the catalog holds a translation of format in l.
func Has(l Language, format string) bool {
	if l == English {
		return true
	}
	_, ok := vietnamese[format]
	return ok
}

// Sprintf formats the message format in l. Arguments that are Localized
// are said in l too; every other argument is printed as it is.
func Sprintf(l Language, format string, args ...any) string {
	return fmt.Sprintf(Format(l, format), localize(l, args)...)
}

func localize(l Language, args []any) []any {
	out := args
	for i, a := range args {
		if loc, ok := a.(Localized); ok {
			if &out[0] == &args[0] {
				out = append([]any(nil), args...)
			}
			out[i] = loc.In(l)
		}
	}
	return out
}
