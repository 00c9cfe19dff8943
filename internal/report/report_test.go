package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/almanac-news/almanac/internal/diag"
)

// hostile is a problem whose file, message and hint hold every character
// a workflow command escapes.
var hostile = diag.Warnf(diag.Pos{File: "content/a,b:c%d/x.md", Line: 10, Col: 13},
	"change 5%% of \"a:b, c\"\r\nis wrong").
	Also(diag.Pos{File: "content/a,b:c%d/x.md", Line: 11, Col: 5}).
	WithHint("write 1,5 or 1.5: both%%0A")

func printed(t *testing.T, p Printer, problems ...*diag.Problem) string {
	t.Helper()
	var b bytes.Buffer
	p.W = &b
	if err := p.Print(problems...); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestText(t *testing.T) {
	e := diag.Errorf(diag.Pos{File: "content/a.md", Line: 3, Col: 7}, "bad date").WithHint("write 2020-12-30")
	got := printed(t, Printer{Format: Text, Dir: "site"}, e, hostile)
	want := e.Error() + "\n" + hostile.Error() + "\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestGitHubExact(t *testing.T) {
	e := diag.Errorf(diag.Pos{File: "content/a.md", Line: 3, Col: 7}, "bad date").WithHint("write 2020-12-30")
	whole := diag.Errorf(diag.Pos{File: "almanac.toml"}, "not TOML")
	flag := diag.Errorf(diag.Pos{File: "--base-url"}, "not absolute")
	got := printed(t, Printer{Format: GitHub, Dir: "site"}, e, whole, flag)
	want := "::error file=site/content/a.md,line=3,col=7::bad date; write 2020-12-30\n" +
		"::error file=site/almanac.toml::not TOML\n" +
		"::error::--base-url: not absolute\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	esc := printed(t, Printer{Format: GitHub}, hostile)
	wantEsc := "::warning file=content/a%2Cb%3Ac%25d/x.md,line=10,col=13::" +
		`change 5%25 of "a:b, c"%0D%0Ais wrong (see also content/a,b:c%25d/x.md:11:5); write 1,5 or 1.5: both%250A` + "\n"
	if esc != wantEsc {
		t.Errorf("escaped:\ngot  %q\nwant %q", esc, wantEsc)
	}
}

// annotation is a workflow command parsed back as GitHub's runner reads it.
type annotation struct {
	command string
	props   map[string]string
	message string
}

// parseAnnotation reads one workflow command line, undoing the escapes.
func parseAnnotation(t *testing.T, line string) annotation {
	t.Helper()
	if !strings.HasPrefix(line, "::") {
		t.Fatalf("not a workflow command: %q", line)
	}
	head, msg, ok := strings.Cut(line[2:], "::")
	if !ok {
		t.Fatalf("no message: %q", line)
	}
	a := annotation{props: map[string]string{}, message: unescape(msg, false)}
	name, props, _ := strings.Cut(head, " ")
	a.command = name
	if props != "" {
		for _, kv := range strings.Split(props, ",") {
			k, v, ok := strings.Cut(kv, "=")
			if !ok {
				t.Fatalf("property %q of %q has no value", kv, line)
			}
			a.props[k] = unescape(v, true)
		}
	}
	return a
}

func unescape(s string, property bool) string {
	pairs := []string{"%0D", "\r", "%0A", "\n"}
	if property {
		pairs = append(pairs, "%3A", ":", "%2C", ",")
	}
	return strings.NewReplacer(append(pairs, "%25", "%")...).Replace(s)
}

func TestGitHubParsesBack(t *testing.T) {
	out := printed(t, Printer{Format: GitHub}, hostile)
	if strings.Count(out, "\n") != 1 {
		t.Fatalf("the annotation spans lines: %q", out)
	}
	a := parseAnnotation(t, strings.TrimSuffix(out, "\n"))
	want := annotation{command: "warning",
		props:   map[string]string{"file": hostile.Pos.File, "line": "10", "col": "13"},
		message: Message(hostile)}
	if !reflect.DeepEqual(a, want) {
		t.Errorf("parsed back as %+v, want %+v", a, want)
	}
}

func TestJSON(t *testing.T) {
	e := diag.Errorf(diag.Pos{File: "content/a.md", Line: 3, Col: 7}, "bad date")
	flag := diag.Errorf(diag.Pos{File: "--base-url"}, "not absolute")
	out := printed(t, Printer{Format: JSON, Dir: "./site/"}, hostile, e, flag)
	var got []Problem
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		var p Problem
		dec := json.NewDecoder(strings.NewReader(sc.Text()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&p); err != nil {
			t.Fatalf("%q: %v", sc.Text(), err)
		}
		got = append(got, p)
	}
	want := []Problem{
		{File: "site/content/a,b:c%d/x.md", Line: 10, Column: 13, Severity: "warning", Message: hostile.Msg, Hint: hostile.Hint,
			Related: []Position{{File: "site/content/a,b:c%d/x.md", Line: 11, Column: 5}}},
		{File: "site/content/a.md", Line: 3, Column: 7, Severity: "error", Message: "bad date", Hint: "", Related: []Position{}},
		{File: "", Severity: "error", Message: "--base-url: not absolute", Related: []Position{}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	for _, key := range []string{`"file"`, `"line"`, `"column"`, `"severity"`, `"message"`, `"hint"`, `"related"`} {
		if strings.Count(out, key) < 3 {
			t.Errorf("not every object has %s:\n%s", key, out)
		}
	}
}

func TestFormatChoice(t *testing.T) {
	for _, name := range []string{"text", "github", "json"} {
		if f, err := ParseFormat(name); err != nil || string(f) != name {
			t.Errorf("ParseFormat(%q) = %q, %v", name, f, err)
		}
	}
	if _, err := ParseFormat("xml"); err == nil || !strings.Contains(err.Error(), "text, github or json") {
		t.Errorf("ParseFormat(xml): %v", err)
	}
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == "GITHUB_ACTIONS" {
				return v
			}
			return ""
		}
	}
	if Auto(env("true")) != GitHub || Auto(env("")) != Text || Auto(env("false")) != Text {
		t.Error("Auto does not follow GITHUB_ACTIONS")
	}
}
