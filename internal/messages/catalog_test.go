package messages

import (
	"fmt"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// scanModule finds every format given to a function that makes a
// problem, a Text or a catalog message, in the module's non-test files.
func scanModule(t *testing.T) []use {
	t.Helper()
	fset, pkgs := parseModule(t, "../..")
	s := &scanner{fset: fset, pkgs: pkgs, sinks: slices.Clone(baseSinks)}
	s.findWrappers()
	return s.uses()
}

// TestCatalogComplete fails for a format used without a Vietnamese entry,
// an entry no format uses, an entry whose verbs are not the English ones,
// and a format that is not a constant (whose words the catalog cannot
// know) unless it is listed in dynamicFormats.
func TestCatalogComplete(t *testing.T) {
	uses := scanModule(t)
	used := map[string]bool{}
	var missing []string
	dynamic := map[string]bool{}
	for _, u := range uses {
		if u.format == "" {
			key := u.pos[:strings.LastIndexByte(u.pos, ':')] + " " + u.expr
			dynamic[key] = true
			if _, ok := dynamicFormats[key]; !ok {
				t.Errorf("%s: the format %s of %s is not a constant, so it cannot be translated; write the message as a constant format (or list it in dynamicFormats with the reason)", u.pos, u.expr, u.call)
			}
			continue
		}
		used[u.format] = true
		if _, ok := vietnamese[u.format]; !ok {
			missing = append(missing, fmt.Sprintf("%s: %q", u.pos, u.format))
		}
	}
	for key := range dynamicFormats {
		if !dynamic[key] {
			t.Errorf("dynamicFormats lists %s, which the module no longer has", key)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("%d formats have no Vietnamese entry in the catalog:\n%s", len(missing), strings.Join(missing, "\n"))
		if os.Getenv("MESSAGES_TODO") != "" {
			writeTodo(t, uses)
		}
	}
	var unused []string
	for k := range vietnamese {
		if !used[k] {
			unused = append(unused, strconv.Quote(k))
		}
	}
	sort.Strings(unused)
	if len(unused) > 0 {
		t.Errorf("%d catalog entries are used nowhere; remove them:\n%s", len(unused), strings.Join(unused, "\n"))
	}
}

// writeTodo writes the formats without an entry as Go map lines, grouped
// by package, to the file MESSAGES_TODO names: a start for translating.
func writeTodo(t *testing.T, uses []use) {
	var b strings.Builder
	seen := map[string]bool{}
	sort.SliceStable(uses, func(i, j int) bool { return uses[i].pos < uses[j].pos })
	for _, u := range uses {
		if u.format == "" || seen[u.format] {
			continue
		}
		seen[u.format] = true
		if _, ok := vietnamese[u.format]; !ok {
			fmt.Fprintf(&b, "\t// %s %s\n\t%s: %s,\n", u.pos, u.args, strconv.Quote(u.format), strconv.Quote(u.format))
		}
	}
	if err := os.WriteFile(os.Getenv("MESSAGES_TODO"), []byte(b.String()), 0o644); err != nil {
		t.Error(err)
	}
}

// TestCatalogVerbs fails for an entry whose verbs, with the arguments
// they print, differ from its English format's.
func TestCatalogVerbs(t *testing.T) {
	for en, vi := range vietnamese {
		want, err := verbs(en)
		if err != nil {
			t.Errorf("%q: %v", en, err)
			continue
		}
		got, err := verbs(vi)
		if err != nil {
			t.Errorf("Vietnamese of %q, %q: %v", en, vi, err)
			continue
		}
		if !slices.Equal(got, want) {
			t.Errorf("the Vietnamese of %q prints %v, the English %v:\n\t%q", en, got, want, vi)
		}
		if strings.TrimSpace(vi) == "" {
			t.Errorf("the Vietnamese of %q is empty", en)
		}
	}
}

// verbs lists the verbs of a format as "argument:flags-verb", sorted by
// argument: "%s then %[1]q" gives ["1:%q", "1:%s"].
func verbs(format string) ([]string, error) {
	var out []string
	arg := 1
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		start := i
		for i < len(format) && strings.IndexByte("+-# 0", format[i]) >= 0 {
			i++
		}
		flags := format[start:i]
		for i < len(format) && (format[i] >= '0' && format[i] <= '9' || format[i] == '.' || format[i] == '*') {
			i++
		}
		width := format[start+len(flags) : i]
		if i < len(format) && format[i] == '[' {
			end := strings.IndexByte(format[i:], ']')
			if end < 0 {
				return nil, fmt.Errorf("unclosed argument index")
			}
			n, err := strconv.Atoi(format[i+1 : i+end])
			if err != nil {
				return nil, fmt.Errorf("bad argument index %q", format[i:i+end+1])
			}
			arg = n
			i += end + 1
		}
		if i >= len(format) {
			return nil, fmt.Errorf("a %% ends the format")
		}
		if format[i] == '%' {
			continue
		}
		out = append(out, fmt.Sprintf("%d:%%%s%s%c", arg, flags, width, format[i]))
		arg++
	}
	sort.Strings(out)
	return out, nil
}

func TestVerbs(t *testing.T) {
	got, err := verbs("%s has %d%% of %[1]q, %-6s")
	want := []string{"1:%q", "1:%s", "2:%-6s", "2:%d"}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("got %v, %v; want %v", got, err, want)
	}
}

// TestPassThroughs checks passThroughs against the module: every call
// that hands on words through "%s" or "%v" must be listed, and none may
// hand on English made in place by concatenation, fmt.Sprintf or a
// string literal, which the catalog cannot translate.
func TestPassThroughs(t *testing.T) {
	found := map[string]bool{}
	for _, u := range scanModule(t) {
		if u.format != "%s" && u.format != "%v" {
			continue
		}
		key := u.pos[:strings.LastIndexByte(u.pos, ':')] + " " + u.args
		found[key] = true
		if builtInEnglish(u.args) {
			t.Errorf("%s: %s(%q, %s) hands on English the catalog cannot translate; write it as a diag.Textf with a constant format", u.pos, u.call, u.format, u.args)
			continue
		}
		if _, ok := passThroughs[key]; !ok {
			t.Errorf("%s: %s(%q, %s) hands on words the catalog cannot see; give it a constant format, or a diag.Text, and list it in passThroughs", u.pos, u.call, u.format, u.args)
		}
	}
	for key, kind := range passThroughs {
		if !found[key] {
			t.Errorf("passThroughs lists %s, which the module no longer has", key)
		}
		if kind != system && kind != localized {
			t.Errorf("passThroughs lists %s as %q; an argument is either %q or %q", key, kind, system, localized)
		}
	}
}

// builtInEnglish reports whether args, as written, make the words in
// place: a string literal, a concatenation or a fmt.Sprintf.
func builtInEnglish(args string) bool {
	return strings.HasPrefix(args, `"`) || strings.HasPrefix(args, "`") ||
		strings.Contains(args, " + ") || strings.Contains(args, "Sprintf(")
}
