package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// FenceError is the failure of a FenceFunc on one fenced block.
type FenceError struct {
	Line int    // line of the block's first content line, as passed to the FenceFunc
	Info string // first word of the block's info string, e.g. "chart"
	Err  error  // what the FenceFunc returned
}

func (e *FenceError) Error() string {
	return fmt.Sprintf("line %d: %s block: %v", e.Line, e.Info, e.Err)
}

func (e *FenceError) Unwrap() error { return e.Err }

// FenceErrors returns the *FenceError values that err, as returned by
// Convert, is made of, in the order of their blocks.
func FenceErrors(err error) []*FenceError {
	var errs []error
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		errs = joined.Unwrap()
	} else if err != nil {
		errs = []error{err}
	}
	var out []*FenceError
	for _, e := range errs {
		var fe *FenceError
		if errors.As(e, &fe) {
			out = append(out, fe)
		}
	}
	return out
}

// fenceContextKey holds the *fenceContext of a conversion in the parser
// context. It is set once, when the package is initialised.
var fenceContextKey = parser.NewContextKey()

// fenceContext is what one conversion knows of fence functions: those
// given for the call, those of the Converter, and the errors they return.
type fenceContext struct {
	page, site map[string]FenceFunc
	errs       []error
	line       func(int) int // the line of the Markdown given that a line of the converted one comes from
}

func (fc *fenceContext) lookup(info []byte) FenceFunc {
	if f, ok := fc.page[string(info)]; ok {
		return f
	}
	return fc.site[string(info)]
}

// kindFenceHTML is the kind of fenceHTML nodes.
var kindFenceHTML = ast.NewNodeKind("FenceHTML")

// fenceHTML is a fenced block already rendered by its FenceFunc.
type fenceHTML struct {
	ast.BaseBlock
	html template.HTML
}

func (n *fenceHTML) Kind() ast.NodeKind { return kindFenceHTML }

func (n *fenceHTML) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"HTML": string(n.html)}, nil)
}

// fenceExtension hands fenced blocks to FenceFuncs while parsing, so that
// each call can bring its own functions through the parser context.
type fenceExtension struct{}

func (fenceExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(fenceTransformer{}, 500)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(fenceRenderer{}, 500)))
}

// fenceTransformer replaces every fenced block that has a FenceFunc with
// a fenceHTML node holding what the function rendered.
type fenceTransformer struct{}

func (fenceTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	fc, _ := pc.Get(fenceContextKey).(*fenceContext)
	if fc == nil || len(fc.page)+len(fc.site) == 0 {
		return
	}
	src := reader.Source()
	var blocks []*ast.FencedCodeBlock
	walkBlocks(doc, func(n ast.Node) {
		if b, ok := n.(*ast.FencedCodeBlock); ok && b.Info != nil {
			blocks = append(blocks, b)
		}
	})
	for _, b := range blocks {
		info := b.Language(src)
		f := fc.lookup(info)
		if f == nil {
			continue
		}
		line := fc.line(bytes.Count(src[:b.Info.Segment.Start], []byte("\n")) + 2)
		html, err := f(blockBody(b, src), line)
		if err != nil {
			fc.errs = append(fc.errs, &FenceError{Line: line, Info: string(info), Err: err})
			html = ""
		}
		b.Parent().ReplaceChild(b.Parent(), b, &fenceHTML{html: html})
	}
}

// blockBody returns the content lines of b, joined.
func blockBody(b ast.Node, src []byte) []byte {
	lines := b.Lines()
	var body []byte
	for i := range lines.Len() {
		line := lines.At(i)
		body = append(body, line.Value(src)...)
	}
	return body
}

// walkBlocks calls visit for n and every block below it, in document
// order, without descending into inline content.
func walkBlocks(n ast.Node, visit func(ast.Node)) {
	visit(n)
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Type() != ast.TypeInline {
			walkBlocks(c, visit)
		}
	}
}

// fenceRenderer writes fenceHTML nodes verbatim.
type fenceRenderer struct{}

func (fenceRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindFenceHTML, renderFenceHTML)
}

func renderFenceHTML(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	html := string(n.(*fenceHTML).html)
	if entering && html != "" {
		_, _ = w.WriteString(html)
		if html[len(html)-1] != '\n' {
			_ = w.WriteByte('\n')
		}
	}
	return ast.WalkSkipChildren, nil
}
