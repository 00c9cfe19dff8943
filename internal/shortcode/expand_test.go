package shortcode

import (
	"fmt"
	"html/template"
	"strings"
	"testing"

	"github.com/almanac-news/almanac/internal/diag"
)

// echo renders each call as what it saw: its name, arguments and inner
// content, as HTML, or as Markdown for {{% %}} calls.
type echo struct{}

func (echo) Render(c *Call) (Output, *diag.Problem) {
	if c.Name == "bad" {
		return Output{}, diag.Errorf(diag.Pos{}, "bad call")
	}
	var args []string
	for _, a := range c.Args {
		if a.Key != "" {
			args = append(args, fmt.Sprintf("%s=%#v", a.Key, a.Value))
		} else {
			args = append(args, fmt.Sprintf("%#v", a.Value))
		}
	}
	s := fmt.Sprintf("[%s %d %s|%s]", c.Name, c.Ordinal, strings.Join(args, " "), c.InnerText())
	if c.Name == "url" {
		return Text("/a_b/*c*/"), nil
	}
	if c.Markdown {
		return Markdown(s), nil
	}
	return HTML(template.HTML("<div>" + s + "</div>")), nil
}

func TestExpand(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"a {{< x 1 \"two words\" `raw \"q\"` true >}} b", `a <div>[x 0 1 "two words" "raw \"q\"" true|]</div> b`},
		{"{{< x k=v n=\"quoted \\\" mark\" >}}", "<div>[x 0 k=\"v\" n=\"quoted \\\" mark\"|]</div>"},
		{"{{% box %}}**in**{{% /box %}}", "[box 0 |**in**]"},
		{"{{< box >}}one {{< x />}} two{{< /box >}}", "<div>[box 0 |one <div>[x 0 |]</div> two]</div>"},
		{"{{< x >}} and {{< x >}}", "<div>[x 0 |]</div> and <div>[x 1 |]</div>"},
		{"{{</* figure src=\"a\" */>}}", "{{< figure src=\"a\" >}}"},
		{"[link]({{< url >}})", `[link](/a\_b/\*c\*/)`},
		{"{{ not a call }} {{x}}", "{{ not a call }} {{x}}"},
		{"{{< outer >}}{{< inner >}}{{< /outer >}}", "<div>[outer 0 |<div>[inner 0 |]</div>]</div>"},
		{"{{< box >}}a{{</ box >}}", "<div>[box 0 |a]</div>"},
	} {
		x, problems := Expand([]byte(tc.src), Options{Handler: echo{}})
		if len(problems) > 0 {
			t.Errorf("%q: %v", tc.src, problems)
			continue
		}
		got := x.Replace(string(x.Source))
		if got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.src, got, tc.want)
		}
	}
}

func TestExpandPlacesBlockHTML(t *testing.T) {
	x, _ := Expand([]byte("text\n\n{{< x >}}\n"), Options{Handler: echo{}})
	// as the Markdown converter writes a paragraph holding the token
	page := "<p>text</p>\n<p>" + strings.TrimSpace(string(x.Source[6:])) + "</p>\n<p>after</p>"
	if got, want := x.Replace(page), "<p>text</p>\n<div>[x 0 |]</div><p>after</p>"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := x.Plain("Sum: " + strings.TrimSpace(string(x.Source[6:]))); got != "Sum: [x 0 |]" {
		t.Errorf("plain: %q", got)
	}
}

func TestExpandLines(t *testing.T) {
	src := "one\n{{% box %}}\na\nb\n{{% /box %}}\nsix\n{{< x >}}\neight"
	x, _ := Expand([]byte(src), Options{Handler: echo{}})
	lines := strings.Split(string(x.Source), "\n")
	for i, l := range lines {
		var want int
		switch {
		case strings.HasPrefix(l, "six"):
			want = 6
		case strings.HasPrefix(l, "eight"):
			want = 8
		case strings.HasPrefix(l, "one"):
			want = 1
		default:
			continue
		}
		if got := x.Line(i + 1); got != want {
			t.Errorf("line %d %q comes from %d, want %d", i+1, l, got, want)
		}
	}
}

func TestExpandProblems(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"a\n  {{< x", "2:3: shortcode x is not closed with >}}"},
		{"{{< x a k=v >}}", "1:9: shortcode x mixes named and positional arguments"},
		{"{{< x \"open >}}", "1:7: an argument of shortcode x opens a quotation mark that is never closed"},
		{"{{< x %}}", "1:7: shortcode x opens with {{< but closes with %}}"},
		{"text {{< /x >}}", "1:6: {{< /x >}} closes no shortcode x opened before it"},
		{"{{< >}}", "1:1: {{< is not followed by a shortcode's name"},
		{"ok\nthen {{< bad >}}", "2:6: bad call"},
		{"{{< /* x */ >}}", ""},
		{"{{</* x >}}", "1:1: the commented-out shortcode is not closed with */>}}"},
	} {
		_, problems := Expand([]byte(tc.src), Options{Handler: echo{}})
		var got []string
		for _, p := range problems {
			got = append(got, fmt.Sprintf("%d:%d: %s", p.Pos.Line, p.Pos.Col, p.Msg))
		}
		if strings.Join(got, "; ") != tc.want {
			t.Errorf("%q: got %q, want %q", tc.src, got, tc.want)
		}
	}
}
