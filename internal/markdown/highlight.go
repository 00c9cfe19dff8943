package markdown

import (
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// Code highlighting, at build time and without JavaScript, as Hugo's
// markup.highlight does: a fenced block whose info string names a lexer
// of chroma (by name, alias or file extension: ```go, ```yaml, ```sh)
// is written as
//
//	<pre tabindex="0" class="chroma"><code class="language-go">…</code></pre>
//
// with a <span class="k"> and the like around each token, coloured by
// the theme's assets/css/highlight.css: classes, never style attributes,
// so that a Content-Security-Policy without 'unsafe-inline' styles holds.
// The pre may scroll sideways, so it takes the keyboard focus.
//
// Blocks a FenceFunc claims (```chart) never get here: fenceTransformer
// has already replaced them. A block without a language, or with one
// chroma does not know, or plain text (```text), is written by goldmark
// as before: <pre><code class="language-x">.

// highlightExtension highlights fenced code blocks with chroma.
type highlightExtension struct{}

func (highlightExtension) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(highlightRenderer{}, 200)))
}

// highlightRenderer writes fenced code blocks, highlighted when chroma
// knows their language, and as goldmark does otherwise.
type highlightRenderer struct{}

func (highlightRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, renderHighlighted)
}

// codeFormatter writes tokens as spans with chroma's classes and the
// code escaped; the <pre><code> around them is written here. It is safe
// for concurrent use.
var codeFormatter = chromahtml.New(chromahtml.WithClasses(true), chromahtml.PreventSurroundingPre(true))

// classStyle is the style handed to codeFormatter, which needs one even
// when it writes classes; the colours are in highlight.css.
var classStyle = chroma.MustNewStyle("almanac", chroma.StyleEntries{})

// plainFencedCodeBlock is goldmark's own renderer of fenced code blocks,
// for the blocks left plain.
var plainFencedCodeBlock = func() renderer.NodeRendererFunc {
	var reg funcRecorder
	html.NewRenderer().RegisterFuncs(&reg)
	return reg.funcs[ast.KindFencedCodeBlock]
}()

// funcRecorder keeps the functions a NodeRenderer registers.
type funcRecorder struct {
	funcs map[ast.NodeKind]renderer.NodeRendererFunc
}

func (r *funcRecorder) Register(kind ast.NodeKind, f renderer.NodeRendererFunc) {
	if r.funcs == nil {
		r.funcs = map[ast.NodeKind]renderer.NodeRendererFunc{}
	}
	r.funcs[kind] = f
}

func renderHighlighted(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.FencedCodeBlock)
	lang := n.Language(src)
	lexer := lexerFor(lang)
	if lexer == nil {
		return plainFencedCodeBlock(w, src, node, entering)
	}
	if !entering {
		return ast.WalkContinue, nil // all written on entering
	}
	code := string(blockBody(n, src))
	spans, ok := highlighted.get(lexer, code)
	if !ok {
		tokens, lexed := tokenise(lexer, code)
		if lexed {
			var b strings.Builder
			if err := codeFormatter.Format(&b, classStyle, chroma.Literator(tokens...)); err != nil {
				lexed = false
			}
			spans = b.String()
		}
		if !lexed {
			spans = "" // remembered as plain
		}
		highlighted.put(lexer, code, spans)
	}
	if spans == "" && code != "" {
		// chroma could not lex this text: leave it plain, whole.
		_, _ = plainFencedCodeBlock(w, src, node, true)
		return plainFencedCodeBlock(w, src, node, false)
	}
	_, _ = w.WriteString(`<pre tabindex="0" class="chroma"><code class="language-`)
	html.DefaultWriter.Write(w, lang)
	_, _ = w.WriteString(`">`)
	_, _ = w.WriteString(spans)
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkContinue, nil
}

// highlighted keeps the spans of the blocks highlighted lately, for all
// Converters: lexing is what highlighting costs (some 2 ms for 40 lines
// of Go), and a feed renders its articles' bodies a second time.
var highlighted = &highlightCache{}

// highlightCacheBytes bounds the code and HTML highlighted keeps; when
// they would pass it, it starts again empty.
const highlightCacheBytes = 8 << 20

// highlightCache maps a lexer and a block's code to its spans: "" when
// the lexer failed on it. It is safe for concurrent use.
type highlightCache struct {
	mu    sync.Mutex
	spans map[highlightKey]string
	bytes int
}

type highlightKey struct {
	lexer chroma.Lexer
	code  string
}

func (c *highlightCache) get(lexer chroma.Lexer, code string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	spans, ok := c.spans[highlightKey{lexer, code}]
	return spans, ok
}

func (c *highlightCache) put(lexer chroma.Lexer, code, spans string) {
	size := len(code) + len(spans)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.spans == nil || c.bytes+size > highlightCacheBytes {
		c.spans, c.bytes = map[highlightKey]string{}, 0
	}
	if size <= highlightCacheBytes {
		c.spans[highlightKey{lexer, code}] = spans
		c.bytes += size
	}
}

// reset empties the cache.
func (c *highlightCache) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.spans, c.bytes = nil, 0
}

// maxStuck is how many empty tokens in a row show a lexer that no longer
// advances: tokenise gives up after them.
const maxStuck = 1000

// tokenise lexes code, one token for a run of one kind, white space
// included in the text around it (no <span class="w"> for every space).
// It reports false when the lexer fails, stops advancing or loses text:
// some of chroma's lexers return empty tokens for ever on some input,
// such as a lone quote (JSONata, Jungle: chroma issue #1377), or drop a
// newline (Caddyfile after "{"). Such a block is better left plain.
func tokenise(lexer chroma.Lexer, code string) ([]chroma.Token, bool) {
	if code == "" {
		return nil, true
	}
	want := code // what the tokens must spell
	if lexer.Config().EnsureNL && !strings.HasSuffix(code, "\n") {
		want += "\n" // added by the lexer
	}
	next, err := lexer.Tokenise(nil, code)
	if err != nil {
		return nil, false
	}
	var tokens []chroma.Token
	at, stuck := 0, 0
	for t := next(); t != chroma.EOF; t = next() {
		if t.Value == "" {
			if stuck++; stuck > maxStuck {
				return nil, false
			}
			continue
		}
		if !strings.HasPrefix(want[at:], t.Value) {
			return nil, false
		}
		at, stuck = at+len(t.Value), 0
		if t.Type == chroma.TextWhitespace {
			t.Type = chroma.Text
		}
		if last := len(tokens) - 1; last >= 0 && tokens[last].Type == t.Type && len(tokens[last].Value) < 8192 {
			tokens[last].Value += t.Value
			continue
		}
		tokens = append(tokens, t)
	}
	if at != len(want) {
		return nil, false
	}
	if len(want) > len(code) { // take the lexer's newline off again
		last := &tokens[len(tokens)-1]
		if last.Value = last.Value[:len(last.Value)-1]; last.Value == "" {
			tokens = tokens[:len(tokens)-1]
		}
	}
	return tokens, true
}

// plainTextLexer is the name of chroma's lexer of plain text.
const plainTextLexer = "plaintext"

// languages maps every name, alias and file extension of chroma's lexers,
// in lower case, to the lexer; built on first use.
var (
	languagesOnce sync.Once
	languages     map[string]chroma.Lexer
)

// lexerFor returns the lexer of a fenced block's language, or nil when
// there is none to highlight with. chroma's lexers.Get would match an
// unknown name against every file pattern of every lexer, some 10 ms a
// block; a map answers at once.
func lexerFor(lang []byte) chroma.Lexer {
	if len(lang) == 0 {
		return nil
	}
	languagesOnce.Do(buildLanguages)
	return languages[strings.ToLower(string(lang))]
}

// buildLanguages fills languages as chroma's registry looks names up:
// names first, then aliases, then the extensions of the lexers' file
// patterns ("*.go"), where the lexer of highest priority wins. Plain
// text is left out: it has nothing to highlight.
func buildLanguages() {
	all := lexers.GlobalLexerRegistry.Lexers
	languages = make(map[string]chroma.Lexer, 4*len(all))
	add := func(key string, l chroma.Lexer) {
		if key = strings.ToLower(key); languages[key] == nil {
			languages[key] = l
		}
	}
	var highlighting []chroma.Lexer
	for _, l := range all {
		if l.Config().Name != plainTextLexer {
			highlighting = append(highlighting, l)
		}
	}
	for _, l := range highlighting {
		add(l.Config().Name, l)
	}
	byExtension := map[string]chroma.Lexer{}
	for _, l := range highlighting {
		for _, alias := range l.Config().Aliases {
			add(alias, l)
		}
		for _, glob := range l.Config().Filenames {
			ext, ok := strings.CutPrefix(glob, "*.")
			if !ok || ext == "" || strings.ContainsAny(ext, `*?[\`) {
				continue
			}
			ext = strings.ToLower(ext)
			if prev := byExtension[ext]; prev == nil || priority(l) > priority(prev) {
				byExtension[ext] = l
			}
		}
	}
	for ext, l := range byExtension {
		add(ext, l) // after every name and alias, which win
	}
}

// priority is a lexer's priority as chroma's registry ranks it.
func priority(l chroma.Lexer) float32 {
	if p := l.Config().Priority; p != 0 {
		return p
	}
	return 1
}
