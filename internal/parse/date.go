package parse

import (
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/almanac-news/almanac/internal/yamlfield"
)

// dateReader reads front-matter dates; those without an offset are read in
// the site's time zone, and all are shown in it.
type dateReader struct {
	loc *time.Location
}

var (
	layoutsWithZone = []string{
		time.RFC3339Nano,
		"2006-01-02 15:04:05Z07:00",
		"2006-01-02T15:04Z07:00",
		"2006-01-02 15:04Z07:00",
		"2006-01-02 15:04:05 -0700",
	}
	layoutsLocal = []string{
		"2006-01-02T15:04:05",
		"2006-01-02 15:04:05",
		"2006-01-02T15:04",
		"2006-01-02 15:04",
		dayLayout,
	}
)

// dayLayout is the form of a date without a time of day.
const dayLayout = "2006-01-02"

// parse reads s; ok is false when s is in no accepted form. dayOnly
// reports that s is a day without a time (2021-10-06), read as midnight.
func (d dateReader) parse(s string) (t time.Time, dayOnly, ok bool) {
	s = strings.TrimSpace(s)
	for _, l := range layoutsWithZone {
		if t, err := time.Parse(l, s); err == nil {
			return t.In(d.loc), false, true
		}
	}
	for _, l := range layoutsLocal {
		if t, err := time.ParseInLocation(l, s, d.loc); err == nil {
			return t, l == dayLayout, true
		}
	}
	return time.Time{}, false, false
}

// decodeDate reads the date node n of key name; nil n gives the zero time.
// dayOnly reports a day written without a time of day (2021-10-06).
func (f *fields) decodeDate(name string, n *yaml.Node) (t time.Time, dayOnly bool) {
	if n == nil {
		return time.Time{}, false
	}
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		f.Errorf(n, "%s must be a date, not %s", name, yamlfield.KindName(n)).
			WithHint("write %s: 2020-12-30T15:01:00+07:00", name)
		return time.Time{}, false
	}
	t, dayOnly, ok := f.dates.parse(n.Value)
	if !ok {
		f.Errorf(n, "%s %q is not a date in a form Almanac reads", name, n.Value).
			WithHint("write it as 2020-12-30T15:01:00+07:00, 2020-12-30 15:01 or 2020-12-30")
	}
	return t, dayOnly
}
