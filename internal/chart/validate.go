package chart

import (
	"errors"
	"fmt"
	"math"

	"github.com/almanac-news/almanac/internal/figure"
)

// validateOption checks an option the way ECharts will read it: every
// series has one point (a finite number, or "-" for a gap) per category,
// the series are of the chart's kind, and nothing in it asks for code.
func validateOption(kind string, option map[string]any) error {
	if err := checkNoCode(option, "option"); err != nil {
		return err
	}
	series, ok := option["series"].([]any)
	if !ok || len(series) == 0 {
		return errors.New("it has no series")
	}
	switch kind {
	case figure.ChartPie, figure.ChartDonut:
		return validateParts(series)
	case figure.ChartChange:
		if !hasZeroLine(series[0]) {
			return errors.New("the change chart has no zero line")
		}
	}
	n, err := categoryCount(option)
	if err != nil {
		return err
	}
	want := "bar"
	if kind == figure.ChartLine {
		want = "line"
	}
	for i, s := range series {
		if err := validateSeries(s, want, n); err != nil {
			return fmt.Errorf("series %d: %w", i+1, err)
		}
	}
	return nil
}

// codeKeys are option keys whose values ECharts runs as code or templates;
// the client script sets them, the option never does.
var codeKeys = map[string]bool{"formatter": true, "valueFormatter": true, "renderItem": true}

func checkNoCode(v any, path string) error {
	switch v := v.(type) {
	case map[string]any:
		for k, child := range v {
			if codeKeys[k] {
				return fmt.Errorf("%s.%s is set; formatting belongs to the client script", path, k)
			}
			if err := checkNoCode(child, path+"."+k); err != nil {
				return err
			}
		}
	case []any:
		for i, child := range v {
			if err := checkNoCode(child, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	}
	return nil
}

// categoryCount returns the number of categories on the one category axis.
func categoryCount(option map[string]any) (int, error) {
	x, y := firstOf(option, "xAxis"), firstOf(option, "yAxis")
	switch {
	case x["type"] == "category" && y["type"] == "value":
		return len(asList(x["data"])), nil
	case y["type"] == "category" && x["type"] == "value":
		return len(asList(y["data"])), nil
	}
	return 0, fmt.Errorf("it needs one category axis and one value axis, not x %v and y %v", x["type"], y["type"])
}

func validateSeries(s any, kind string, n int) error {
	series, _ := s.(map[string]any)
	if series["type"] != kind {
		return fmt.Errorf("it is of type %v, not %s", series["type"], kind)
	}
	data := asList(series["data"])
	if len(data) != n {
		return fmt.Errorf("%q has %d points for %d categories", series["name"], len(data), n)
	}
	for j, point := range data {
		if item, ok := point.(map[string]any); ok {
			point = item["value"]
		}
		if !isNumberOrGap(point) {
			return fmt.Errorf("%q has %v at point %d, which is neither a finite number nor %q", series["name"], point, j+1, missingPoint)
		}
	}
	return nil
}

func isNumberOrGap(v any) bool {
	switch v := v.(type) {
	case float64:
		return !math.IsNaN(v) && !math.IsInf(v, 0)
	case string:
		return v == missingPoint
	}
	return false
}

// validateParts checks a pie: one series of named parts, none negative.
func validateParts(series []any) error {
	if len(series) != 1 {
		return fmt.Errorf("a pie needs 1 series, not %d", len(series))
	}
	s, _ := series[0].(map[string]any)
	if s["type"] != "pie" {
		return fmt.Errorf("the series is of type %v, not pie", s["type"])
	}
	for j, point := range asList(s["data"]) {
		item, _ := point.(map[string]any)
		v, ok := item["value"].(float64)
		if _, named := item["name"].(string); !named || !ok || !isNumberOrGap(v) || v < 0 {
			return fmt.Errorf("part %d is not a name with a number not below zero", j+1)
		}
	}
	return nil
}

// hasZeroLine reports whether a series marks the value 0 with a line.
func hasZeroLine(s any) bool {
	series, _ := s.(map[string]any)
	markLine, _ := series["markLine"].(map[string]any)
	for _, item := range asList(markLine["data"]) {
		if m, ok := item.(map[string]any); ok && m["xAxis"] == 0.0 {
			return true
		}
	}
	return false
}

func asList(v any) []any {
	list, _ := v.([]any)
	return list
}
