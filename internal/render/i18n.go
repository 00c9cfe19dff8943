package render

import (
	"errors"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/locale"
)

// translations is one language's table of interface strings,
// layouts/i18n/<lang>.yaml: a flat map of key to text.
type translations struct {
	file    string            // position name, "layouts/i18n/vi.yaml"; empty when the theme has no table
	strings map[string]string // key → text
	lines   map[string]int    // key → line in file
}

// lookup returns the text for key, or the key itself when the table lacks it.
func (tr translations) lookup(key string) string {
	if s, ok := tr.strings[key]; ok {
		return s
	}
	return key
}

// loadTranslations reads the table for lang, or for its base language
// ("vi" for "vi-VN").
func loadTranslations(layouts fs.FS, lang string, problems *diag.List) translations {
	for _, name := range slices.Compact([]string{lang, locale.Base(lang)}) {
		file := i18nDir + "/" + name + ".yaml"
		data, err := fs.ReadFile(layouts, file)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			problems.Add(diag.Errorf(diag.Pos{File: path.Join(layoutsDir, file)}, "cannot read translations: %v", err))
			break
		}
		tr, ps := parseTable(path.Join(layoutsDir, file), data)
		problems.Add(ps...)
		return tr
	}
	problems.Add(diag.Warnf(diag.Pos{File: path.Join(layoutsDir, i18nDir)},
		"the theme has no translation table for language %q; interface strings will show their keys", lang).
		WithHint("copy layouts/i18n/en.yaml to layouts/i18n/%s.yaml and translate it", locale.Base(lang)))
	return translations{strings: map[string]string{}, lines: map[string]int{}}
}

var yamlLinePattern = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseTable decodes a translation table, reporting at file the YAML
// errors and the entries that are not key: text.
func parseTable(file string, data []byte) (translations, []*diag.Problem) {
	tr := translations{file: file, strings: map[string]string{}, lines: map[string]int{}}
	hint := diag.Textf("write one `key: text` per line, e.g. readMore: \"Đọc tiếp\"")
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		pos, msg := diag.Pos{File: file}, strings.TrimPrefix(err.Error(), "yaml: ")
		if m := yamlLinePattern.FindStringSubmatch(err.Error()); m != nil {
			pos.Line, _ = strconv.Atoi(m[1])
			msg = m[2]
		}
		return tr, []*diag.Problem{diag.Errorf(pos, "%s", msg).WithHint("%s", hint)}
	}
	if len(doc.Content) == 0 {
		return tr, nil
	}
	table := doc.Content[0]
	if table.Kind != yaml.MappingNode {
		pos := diag.Pos{File: file, Line: table.Line, Col: table.Column}
		return tr, []*diag.Problem{diag.Errorf(pos, "a translation table must be a map of key: text").WithHint("%s", hint)}
	}
	var problems []*diag.Problem
	for i := 0; i+1 < len(table.Content); i += 2 {
		key, value := table.Content[i], table.Content[i+1]
		pos := diag.Pos{File: file, Line: key.Line, Col: key.Column}
		switch {
		case value.Kind != yaml.ScalarNode:
			problems = append(problems, diag.Errorf(pos, "the translation of %q is not text", key.Value).WithHint("%s", hint))
		case tr.lines[key.Value] != 0:
			problems = append(problems, diag.Errorf(pos, "%q is translated twice", key.Value).
				Also(diag.Pos{File: file, Line: tr.lines[key.Value]}).WithHint("keep one of the two lines"))
		default:
			tr.strings[key.Value] = value.Value
			tr.lines[key.Value] = key.Line
		}
	}
	return tr, problems
}

// checkTranslationKeys warns about keys the templates translate that the
// table lacks, and about keys another shipped table has that this one lacks.
func (t *Theme) checkTranslationKeys(layouts fs.FS, sets []*template.Template, problems *diag.List) {
	if t.table.file == "" {
		return // already reported: no table at all
	}
	const hint = "add a line `%s: …` to %s"
	for _, use := range literalArgs(sets, "T") {
		if _, ok := t.table.strings[use.key]; !ok {
			problems.Add(diag.Warnf(use.pos, "no translation for %q in %s; the page will show the key", use.key, t.table.file).
				WithHint(hint, use.key, t.table.file))
		}
	}
	for _, use := range planKeys {
		if _, ok := t.table.strings[use.key]; !ok && t.HasLayout(use.layout) {
			problems.Add(diag.Warnf(diag.Pos{File: t.table.file}, "no translation for %q, which pages of layout %s.html show; they will show the key", use.key, use.layout).
				WithHint(hint, use.key, t.table.file))
		}
	}
	others, _ := fs.Glob(layouts, i18nDir+"/*.yaml")
	for _, other := range others {
		otherFile := path.Join(layoutsDir, other)
		if otherFile == t.table.file {
			continue
		}
		data, err := fs.ReadFile(layouts, other)
		if err != nil {
			continue
		}
		table, _ := parseTable(otherFile, data)
		for _, key := range slices.Sorted(maps.Keys(table.strings)) {
			if _, ok := t.table.strings[key]; !ok {
				problems.Add(diag.Warnf(diag.Pos{File: t.table.file}, "%q is translated in %s but not here", key, otherFile).
					Also(diag.Pos{File: otherFile, Line: table.lines[key]}).WithHint(hint, key, t.table.file))
			}
		}
	}
}
