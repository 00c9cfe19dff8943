package markdown

import (
	"fmt"
	"html"
	"html/template"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// hostileCode tries to leave the code element, the pre and the page.
const hostileCode = "x := \"</code><script>alert(1)</script>\" // </pre>\n" +
	"</code></pre><script>alert(2)</script><style>*{}</style>\n" +
	"<img src=x onerror=\"alert(3)\"> &amp; &lt; ]]> --> <!--\n\t'\"`\n"

var (
	tagPattern = regexp.MustCompile(`<[^>]*>`)
	preBlock   = regexp.MustCompile(`(?s)^<pre[^>]*><code[^>]*>(.*)</code></pre>\n$`)
)

// codeText returns the text a browser shows of one rendered code block.
func codeText(t *testing.T, out string) string {
	t.Helper()
	m := preBlock.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("not one <pre><code> block: %q", out)
	}
	return html.UnescapeString(tagPattern.ReplaceAllString(m[1], ""))
}

// convertWithin converts src, failing the test when that takes longer
// than a few seconds: some lexers of chroma loop for ever on some input.
func convertWithin(t *testing.T, c *Converter, src string) string {
	t.Helper()
	done := make(chan Result, 1)
	go func() {
		res, err := c.Convert([]byte(src))
		if err != nil {
			t.Errorf("%.40q: %v", src, err)
		}
		done <- res
	}()
	select {
	case res := <-done:
		return string(res.HTML)
	case <-time.After(10 * time.Second):
		t.Fatalf("converting %.60q takes more than 10 s", src)
		return ""
	}
}

// Every lexer of chroma keeps hostile code as text: no tag of the code
// gets out, no style attribute comes in, and a reader sees the code as
// written. Every lexer also gets each ASCII punctuation mark alone, on
// which some never finish (chroma issue #1377).
func TestHighlightEscapesEveryLexer(t *testing.T) {
	inputs := []string{hostileCode}
	for c := byte('!'); c <= '~'; c++ {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			inputs = append(inputs, string(c)+"\n", "x"+string(c)+" y\n")
		}
	}
	c := New(Options{AllowHTML: true})
	seen := map[string]bool{}
	highlighted := 0
	for _, l := range lexers.GlobalLexerRegistry.Lexers {
		name := l.Config().Name
		lang := strings.ToLower(name)
		if len(l.Config().Aliases) > 0 {
			lang = l.Config().Aliases[0]
		}
		if strings.ContainsAny(lang, " `{") || seen[lang] {
			continue
		}
		seen[lang] = true
		for _, code := range inputs {
			out := convertWithin(t, c, "```"+lang+"\n"+code+"```\n")
			if strings.HasPrefix(out, `<pre tabindex="0" class="chroma">`) {
				highlighted++
			} else if !strings.HasPrefix(out, `<pre><code class="language-`) {
				t.Fatalf("%s (```%s): %.80q is no code block", name, lang, out)
			}
			inside := strings.TrimSuffix(out[strings.Index(out, "<code")+1:], "</code></pre>\n")
			for _, bad := range []string{"<script", "<style", "<img", "</code", "</pre", " style=", "onerror=\"", "<!--"} {
				if strings.Contains(inside, bad) {
					t.Errorf("%s (```%s): %q in %q", name, lang, bad, out)
				}
			}
			if got := codeText(t, out); got != code {
				t.Errorf("%s (```%s): reader sees %q, want %q", name, lang, got, code)
			}
		}
	}
	if len(seen) < 200 || highlighted < 150*len(inputs) {
		t.Errorf("%d lexers tried, %d blocks highlighted of %d; chroma has more", len(seen), highlighted, len(seen)*len(inputs))
	}
}

// A lexer that stops advancing gives a plain block, not a build that
// never ends.
func TestHighlightGivesUpOnStuckLexer(t *testing.T) {
	loopy := chroma.MustNewLexer(&chroma.Config{Name: "loopy"}, func() chroma.Rules {
		return chroma.Rules{
			"root": {{Pattern: `(?=\S)`, Type: chroma.None, Mutator: chroma.Push("a")}},
			"a":    {{Pattern: `(?=\S)`, Type: chroma.None, Mutator: chroma.Push("b")}},
			"b":    {{Pattern: ``, Type: chroma.None, Mutator: chroma.Pop(1)}},
		}
	})
	done := make(chan bool, 1)
	go func() {
		_, ok := tokenise(loopy, "x")
		done <- ok
	}()
	select {
	case ok := <-done:
		if ok {
			t.Error("tokenise of a stuck lexer reports success")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("tokenise of a stuck lexer does not return")
	}
	if _, ok := tokenise(lexerFor([]byte("go")), "var x\n"); !ok {
		t.Error("tokenise of Go fails")
	}
}

func TestLexerFor(t *testing.T) {
	for _, lang := range []string{"go", "Go", "GOLANG", "yaml", "yml", "sh", "bash", "shell", "console",
		"json", "toml", "sql", "html", "css", "js", "javascript", "ts", "python", "py", "r", "diff",
		"dockerfile", "csv", "markdown", "md", "xml", "php", "rust", "rs"} {
		got, want := lexerFor([]byte(lang)), lexers.Get(lang)
		if want == nil || got == nil || got.Config().Name != want.Config().Name {
			t.Errorf("lexerFor(%q) = %v, chroma's lexers.Get = %v", lang, name(got), name(want))
		}
	}
	for _, lang := range []string{"", "chart", "khong-biet", "text", "plain", "plaintext", "no-highlight",
		"go\"", "*.go", "a.go", "go{}"} {
		if l := lexerFor([]byte(lang)); l != nil {
			t.Errorf("lexerFor(%q) = %s, want none", lang, l.Config().Name)
		}
	}
}

func name(l chroma.Lexer) string {
	if l == nil {
		return "<nil>"
	}
	return l.Config().Name
}

// A FenceFunc claims its blocks before they are highlighted, even one
// named after a language.
func TestHighlightLeavesFencesToFenceFuncs(t *testing.T) {
	fixed := func(s string) FenceFunc {
		return func([]byte, int) (template.HTML, error) { return template.HTML(s), nil }
	}
	c := New(Options{Fences: map[string]FenceFunc{"chart": fixed("<b>chart</b>")}})
	src := []byte("```chart\nid: x\n```\n\n```go\nvar x\n```\n\n```yaml\na: 1\n```\n")
	res, err := c.ConvertWith(src, map[string]FenceFunc{"yaml": fixed("<i>yaml</i>")})
	if err != nil {
		t.Fatal(err)
	}
	want := "<b>chart</b>\n" +
		`<pre tabindex="0" class="chroma"><code class="language-go"><span class="kd">var</span> <span class="nx">x</span>` + "\n</code></pre>\n" +
		"<i>yaml</i>\n"
	if string(res.HTML) != want {
		t.Errorf("HTML = %q, want %q", res.HTML, want)
	}
}

// Highlighting changes the markup, never the text: tabs, blank lines,
// trailing spaces and a last line without a newline stay.
func TestHighlightKeepsText(t *testing.T) {
	c := New(Options{})
	for _, code := range []string{"", "\n", "func f() {\n\treturn\n}\n", "a := 1  \n\n\n\tb := `x\n y`\n", "\r\nx\r\n"} {
		res, _ := c.Convert([]byte("```go\n" + code + "```\n"))
		if got := codeText(t, string(res.HTML)); got != code {
			t.Errorf("%q: reader sees %q (%s)", code, got, res.HTML)
		}
	}
	// The Go lexer adds a newline to text without one; tokenise takes
	// it off again.
	tokens, ok := tokenise(lexerFor([]byte("go")), "var x")
	var spelt strings.Builder
	for _, tok := range tokens {
		spelt.WriteString(tok.Value)
	}
	if !ok || spelt.String() != "var x" {
		t.Errorf("tokens of %q spell %q (ok %v)", "var x", spelt.String(), ok)
	}
	if !strings.Contains(convertWithin(t, c, "```caddyfile\n{\n```\n"), "{\n</code>") {
		t.Error("a lexer that loses text is trusted")
	}
}

// codePage is an article with two different 20-line Go blocks, written
// in the language lang.
func codePage(lang string) []byte {
	block := func(first int) string {
		var code strings.Builder
		for i := first; i < first+5; i++ {
			fmt.Fprintf(&code, "// sum%d cộng các giá trị của v.\nfunc sum%d(v []float64) (total float64) {\n", i, i)
			code.WriteString("\tfor _, x := range v {\n\t\ttotal += x * 1.5e3 // tỷ đồng\n")
		}
		return "```" + lang + "\n" + strings.Join(strings.Split(code.String(), "\n")[:20], "\n") + "\n```\n\n"
	}
	return append(benchmarkBody(), "\n"+block(0)+"Đoạn giữa hai khối.\n\n"+block(5)...)
}

func TestCodePage(t *testing.T) {
	res, err := New(Options{}).Convert(codePage("go"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(res.HTML), `<pre tabindex="0" class="chroma">`); n != 2 {
		t.Errorf("%d highlighted blocks, want 2", n)
	}
	if n := strings.Count(string(res.HTML), "\n"+`<span class="kd">func</span>`); n != 10 {
		t.Errorf("%d highlighted func lines, want 10", n)
	}
}

// BenchmarkHighlight converts an article with two 20-line Go blocks,
// highlighting them each time; BenchmarkHighlightCached converts it again
// and again, as a feed does; BenchmarkHighlightNone converts the same
// article with blocks of a language chroma does not know, left plain. The
// difference is highlighting's cost.
func BenchmarkHighlight(b *testing.B)       { benchmarkCodePage(b, "go", true) }
func BenchmarkHighlightCached(b *testing.B) { benchmarkCodePage(b, "go", false) }
func BenchmarkHighlightNone(b *testing.B)   { benchmarkCodePage(b, "khong-biet", false) }

func benchmarkCodePage(b *testing.B, lang string, cold bool) {
	src := codePage(lang)
	c := New(Options{})
	if _, err := c.Convert(src); err != nil { // compiles the lexer once
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if cold {
			highlighted.reset()
		}
		if _, err := c.Convert(src); err != nil {
			b.Fatal(err)
		}
	}
}

// The cache gives what highlighting gives, and forgets when it is full.
func TestHighlightCache(t *testing.T) {
	c := New(Options{})
	src := codePage("go")
	highlighted.reset()
	first, _ := c.Convert(src)
	again, _ := c.Convert(src)
	if first.HTML != again.HTML {
		t.Error("a cached block renders differently")
	}
	if len(highlighted.spans) != 2 {
		t.Errorf("%d blocks cached, want 2", len(highlighted.spans))
	}
	big := strings.Repeat("x", highlightCacheBytes/2)
	go1 := lexerFor([]byte("go"))
	highlighted.put(go1, big, "a")
	highlighted.put(go1, big+"y", "b")
	if spans, ok := highlighted.get(go1, big+"y"); !ok || spans != "b" || len(highlighted.spans) != 1 {
		t.Errorf("full cache: %d entries, last %q %v", len(highlighted.spans), spans, ok)
	}
	highlighted.put(go1, big+big+big, "c")
	if _, ok := highlighted.get(go1, big+big+big); ok || highlighted.bytes != 0 {
		t.Error("a block larger than the cache is kept")
	}
	highlighted.reset()
}
