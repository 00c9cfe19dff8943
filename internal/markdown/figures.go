package markdown

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// PictureSizes is the sizes attribute of a body picture: the width of the
// article's column, as for the lead picture (layouts/partials/figure.html).
const PictureSizes = "(min-width: 48rem) 46rem, 100vw"

// creditMarks start the credit of a picture's title: in "Lễ trao giải.
// Ảnh: Thu Hà" the caption is "Lễ trao giải." and the credit "Ảnh: Thu Hà".
var creditMarks = [][]byte{[]byte("Ảnh:"), []byte("Photo:")}

// kindBodyFigure is the kind of bodyFigure nodes.
var kindBodyFigure = ast.NewNodeKind("BodyFigure")

// bodyFigure is a picture alone in its paragraph, with the caption and
// credit its title gave; its one child is the picture.
type bodyFigure struct {
	ast.BaseBlock
	caption, credit []byte // as written in the title; either may be empty
}

func (n *bodyFigure) Kind() ast.NodeKind { return kindBodyFigure }

func (n *bodyFigure) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Caption": string(n.caption), "Credit": string(n.credit)}, nil)
}

// figureExtension makes a picture with a title alone in its paragraph a
// <figure> with a <figcaption>, and gives every picture of the page its
// size and smaller copies.
type figureExtension struct{}

func (figureExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(figureTransformer{}, 600)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(figureRenderer{}, 500)))
}

// figureTransformer sizes every picture and wraps each titled picture
// alone in its paragraph in a bodyFigure. It runs before linkTransformer,
// so that Page.Picture sees destinations as written.
type figureTransformer struct{}

func (figureTransformer) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	lc, _ := pc.Get(linkContextKey).(*linkContext)
	var images []*ast.Image
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if img, ok := n.(*ast.Image); ok && entering {
			images = append(images, img)
		}
		return ast.WalkContinue, nil
	})
	for _, img := range images {
		if lc != nil {
			sizePicture(img, lc)
		}
		if p, ok := img.Parent().(*ast.Paragraph); ok && len(img.Title) > 0 && p.ChildCount() == 1 {
			caption, credit := splitCredit(img.Title)
			fig := &bodyFigure{caption: caption, credit: credit}
			img.Title = nil
			p.Parent().ReplaceChild(p.Parent(), p, fig)
			fig.AppendChild(fig, img)
		}
	}
}

// sizePicture gives img the width, height and srcset Page.Picture knows,
// and lets it load lazily.
func sizePicture(img *ast.Image, lc *linkContext) {
	if lc.page.Picture != nil {
		if pic, ok := lc.page.Picture(string(img.Destination)); ok {
			if pic.Width > 0 && pic.Height > 0 {
				img.SetAttributeString("width", []byte(strconv.Itoa(pic.Width)))
				img.SetAttributeString("height", []byte(strconv.Itoa(pic.Height)))
			}
			if len(pic.Srcset) > 0 {
				var b strings.Builder
				for i, v := range pic.Srcset {
					if i > 0 {
						b.WriteString(", ")
					}
					b.WriteString(lc.sitePath(v.URL) + " " + strconv.Itoa(v.Width) + "w")
				}
				img.SetAttributeString("srcset", []byte(b.String()))
				img.SetAttributeString("sizes", []byte(PictureSizes))
			}
		}
	}
	img.SetAttributeString("loading", []byte("lazy"))
	img.SetAttributeString("decoding", []byte("async"))
}

// splitCredit cuts a picture's title before its last credit mark that
// starts the title or follows a space.
func splitCredit(title []byte) (caption, credit []byte) {
	at := -1
	for _, mark := range creditMarks {
		for i := bytes.LastIndex(title, mark); i >= 0; i = bytes.LastIndex(title[:i], mark) {
			if (i == 0 || title[i-1] == ' ') && i > at {
				at = i
				break
			}
		}
	}
	if at < 0 {
		return bytes.TrimSpace(title), nil
	}
	return bytes.TrimSpace(title[:at]), bytes.TrimSpace(title[at:])
}

// figureRenderer writes bodyFigure nodes: the picture, then its caption
// and credit.
type figureRenderer struct{}

func (figureRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindBodyFigure, renderBodyFigure)
}

func renderBodyFigure(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*bodyFigure)
	if entering {
		_, _ = w.WriteString(`<figure class="figure figure--body">` + "\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("\n" + `<figcaption class="figure__caption">`)
	html.DefaultWriter.Write(w, n.caption)
	if len(n.credit) > 0 {
		if len(n.caption) > 0 {
			_ = w.WriteByte(' ')
		}
		_, _ = w.WriteString(`<span class="figure__credit">`)
		html.DefaultWriter.Write(w, n.credit)
		_, _ = w.WriteString(`</span>`)
	}
	_, _ = w.WriteString("</figcaption>\n</figure>\n")
	return ast.WalkContinue, nil
}
