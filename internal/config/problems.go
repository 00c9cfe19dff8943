package config

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/pelletier/go-toml/v2"
)

// unknownKeyProblem turns one error of the decoder's strict mode into a
// problem naming the key, the table it is in, and the keys allowed there.
func unknownKeyProblem(e *toml.DecodeError, index *positionIndex) *diag.Problem {
	line, col := e.Position()
	pos := index.diagPos(line, col)
	path := strings.Join(e.Key(), ".")
	// The decoder's key leaves out array indices and, inside an inline
	// table, the enclosing keys; the index knows the full path.
	if full, ok := index.pathOfKey[bytePos{line, col}]; ok && lastElement(full) == lastElement(path) {
		path = full
	}
	key := lastElement(path)
	known, where, ok := knownKeysIn(withoutIndices(parentPath(path)))
	if !ok {
		return diag.Errorf(pos, "unknown key %q", path).
			WithHint("remove it; put settings of your own under [params]")
	}
	hint := diag.Textf("known keys are %s", strings.Join(known, ", "))
	if guess := diag.Closest(key, known); guess != "" {
		hint = diag.Textf("did you mean %q? %s", guess, hint)
	}
	return diag.Errorf(pos, "unknown key %q%s", key, where).WithHint("%s", hint)
}

// knownKeysIn returns the keys allowed in the table at path (without array
// indices) and how to name that table in a message.
func knownKeysIn(table string) (keys []string, where diag.Text, ok bool) {
	switch table {
	case "":
		return tomlKeys(fileConfig{}), diag.Text{}, true
	case "menu":
		return tomlKeys(fileMenuItem{}), diag.Textf(" in [[menu]]"), true
	}
	return nil, diag.Text{}, false
}

// tomlKeys lists the toml tags of a struct's fields, in declaration order.
func tomlKeys(v any) []string {
	t := reflect.TypeOf(v)
	keys := make([]string, 0, t.NumField())
	for i := range t.NumField() {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("toml"), ","); name != "" && name != "-" {
			keys = append(keys, name)
		}
	}
	return keys
}

// withoutIndices drops the array indices from a dotted path:
// "menu.0" becomes "menu".
func withoutIndices(path string) string {
	var kept []string
	for _, element := range strings.Split(path, ".") {
		if _, err := strconv.Atoi(element); err != nil {
			kept = append(kept, element)
		}
	}
	return strings.Join(kept, ".")
}

// decodeProblem turns a syntax or type error of the decoder into a problem
// at its position.
func decodeProblem(e *toml.DecodeError, index *positionIndex) *diag.Problem {
	line, col := e.Position()
	pos := index.diagPos(line, col)
	msg := strings.TrimPrefix(e.Error(), "toml: ")
	found, isTypeError := strings.CutPrefix(msg, "cannot decode TOML ")
	switch {
	case strings.Contains(msg, "already"):
		return diag.Errorf(pos, "%s", msg).WithHint("a key may appear only once in a table; keep one of them")
	case !isTypeError:
		return diag.Errorf(pos, "%s", msg).
			WithHint("check the TOML syntax: text goes in double quotes, one key = value per line (see https://toml.io)")
	}
	found, _, _ = strings.Cut(found, " into ")
	path, ok := index.pathOfValue[bytePos{line, col}]
	if !ok {
		path = strings.Join(e.Key(), ".")
	}
	// A dotted key such as title.x = 1 makes a table of title: the key
	// whose type is wrong may be a parent of the one reported.
	for ; path != ""; path = parentPath(path) {
		if what, example, ok := expectedValue(lastElement(path)); ok {
			return diag.Errorf(pos, "%s must be %s, not %s", lastElement(path), what, describeTOMLType(found)).
				WithHint("write it like %s", example)
		}
	}
	return diag.Errorf(pos, "value has the wrong type: %s", msg).
		WithHint("check the value's quotes and brackets")
}

// expectedValue says what a key's value must be, with an example.
func expectedValue(key string) (what diag.Text, example string, ok bool) {
	text := diag.Textf("text in quotes")
	switch key {
	case "title":
		return text, `title = "Tin Công Thương"`, true
	case "description":
		return text, `description = "Số liệu công nghiệp và thương mại"`, true
	case "base_url":
		return text, `base_url = "https://example.org/"`, true
	case "language":
		return text, `language = "vi"`, true
	case "time_zone":
		return text, `time_zone = "Asia/Ho_Chi_Minh"`, true
	case "author":
		return text, `author = "Ban biên tập"`, true
	case "chart_registry":
		return text, `chart_registry = "https://registry.npmjs.org/"`, true
	case "chart_library":
		return text, `chart_library = "vendor/echarts.js"`, true
	case "name":
		return text, `name = "Công nghiệp"`, true
	case "url":
		return text, `url = "/cong-nghiep/"`, true
	case "page_size":
		return diag.Textf("a whole number"), "page_size = 10", true
	case "feed_items":
		return diag.Textf("a whole number"), "feed_items = 20", true
	case "weight":
		return diag.Textf("a whole number"), "weight = 1", true
	case "allow_html", "feed_full_text":
		return diag.Textf("true or false"), key + " = false", true
	case "menu":
		return diag.Textf("a list of [[menu]] tables"), `[[menu]] followed by name = "…" and url = "…" lines`, true
	case "params":
		return diag.Textf("a table"), "[params] followed by key = value lines", true
	}
	return diag.Text{}, "", false
}

// describeTOMLType names a TOML type as the decoder spells it in plain
// words.
func describeTOMLType(t string) diag.Text {
	switch t {
	case "string":
		return diag.Textf("text")
	case "integer":
		return diag.Textf("a whole number")
	case "float":
		return diag.Textf("a decimal number")
	case "bool", "boolean":
		return diag.Textf("true or false")
	case "array":
		return diag.Textf("a list")
	case "table", "inline table":
		return diag.Textf("a table")
	}
	return diag.Textf("a %s", t)
}
