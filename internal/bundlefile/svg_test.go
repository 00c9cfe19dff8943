package bundlefile

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/almanac-news/almanac/internal/diag"
)

const svgOpen = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">`

// checkOne checks data as the bundle file name.
func checkOne(name, data string) []*diag.Problem {
	fsys := fstest.MapFS{name: {Data: []byte(data)}}
	return Check(fsys, name)
}

// TestSVGRefused checks every construct the package refuses in an SVG
// picture: each case gives one problem, at the element or attribute, that
// says what is wrong and how to fix it.
func TestSVGRefused(t *testing.T) {
	for _, tc := range []struct {
		name, svg, pos, words string
	}{
		{"script", svgOpen + "\n<script>alert(1)</script></svg>", "2:1", "the <script> element runs a script"},
		{"script in a namespace", `<s:svg xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></s:svg>`, "1:45", "<script>"},
		{"script upper case", svgOpen + "<SCRIPT/></svg>", "1:104", "<SCRIPT>"},
		{"xhtml script", svgOpen + `<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script></svg>`, "1:104", "<script>"},
		{"handler", svgOpen + `<handler type="application/ecmascript">alert(1)</handler></svg>`, "1:104", "<handler>"},
		{"listener", svgOpen + `<listener event="click"/></svg>`, "1:104", "<listener>"},
		{"foreignObject", svgOpen + `<foreignObject><img xmlns="http://www.w3.org/1999/xhtml" src="x" onerror="alert(1)"/></foreignObject></svg>`, "1:104", "the <foreignObject> element shows another document"},
		{"iframe", svgOpen + `<iframe src="https://example.org/"/></svg>`, "1:104", "<iframe>"},
		{"embed", svgOpen + `<embed src="a.swf"/></svg>`, "1:104", "<embed>"},
		{"object", svgOpen + `<object data="a.html"/></svg>`, "1:104", "<object>"},
		{"xhtml element", svgOpen + `<a xmlns="http://www.w3.org/1999/xhtml">x</a></svg>`, "1:104", "<a> is not an SVG element but one of http://www.w3.org/1999/xhtml"},
		{"xhtml root", `<html xmlns="http://www.w3.org/1999/xhtml"><body>x</body></html>`, "1:1", "<html> is not an SVG element"},
		{"mathml", svgOpen + `<math xmlns="http://www.w3.org/1998/Math/MathML"/></svg>`, "1:104", "http://www.w3.org/1998/Math/MathML"},
		{"onload", `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`, "1:41", "the onload attribute is an event handler"},
		{"onclick on a shape, second line", svgOpen + "\n<rect width=\"1\"\n  onclick='alert(1)'/></svg>", "3:3", "onclick"},
		{"event in upper case", svgOpen + `<rect ONMOUSEOVER="alert(1)"/></svg>`, "1:110", "ONMOUSEOVER"},
		{"prefixed event", svgOpen + `<rect x:onclick="alert(1)" xmlns:x="urn:x"/></svg>`, "1:110", "onclick"},
		{"javascript href", svgOpen + `<a href="javascript:alert(1)"><text>x</text></a></svg>`, "1:107", `href="javascript:alert(1)" holds a javascript: or vbscript: address`},
		{"javascript xlink:href", svgOpen + `<a xlink:href=" java&#x09;script:alert(1)"><text>x</text></a></svg>`, "1:107", "xlink:href="},
		{"vbscript href", svgOpen + `<a href="VBScript:msgbox(1)"/></svg>`, "1:107", "vbscript"},
		{"external use", svgOpen + `<use href="other.svg#x"/></svg>`, "1:109", `href="other.svg#x" refers to something outside the picture`},
		{"remote image", svgOpen + `<image xlink:href="https://tracker.example/p.png"/></svg>`, "1:111", "refers to something outside"},
		{"scheme-relative image", svgOpen + `<image href="//tracker.example/p.png"/></svg>`, "1:111", "refers to something outside"},
		{"link to a site", svgOpen + `<a href="https://example.org/"/></svg>`, "1:107", "refers to something outside"},
		{"data svg", svgOpen + `<image href="data:image/svg+xml;base64,PHN2Zy8+"/></svg>`, "1:111", "refers to something outside"},
		{"data html", svgOpen + `<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"/></svg>`, "1:107", "refers to something outside"},
		{"feImage", svgOpen + `<filter id="f"><feImage href="https://example.org/a.png"/></filter></svg>`, "1:128", "refers to something outside"},
		{"xml:base", svgOpen + `<g xml:base="https://example.org/"/></svg>`, "1:107", "xml:base changes where the picture's references lead"},
		{"animate href", svgOpen + `<a href="#x"><animate attributeName="href" values="#x;#y"/></a></svg>`, "1:117", `<animate attributeName="href"> changes a link or an event handler`},
		{"set xlink:href", svgOpen + `<a href="#x"><set attributeName="xlink:href" to="#y"/></a></svg>`, "1:117", "changes a link"},
		{"animate to javascript", svgOpen + `<a href="#x"><animate attributeName="fill" values="red;javascript:alert(1)"/></a></svg>`, "1:147", `values="red;javascript:alert(1)" holds a javascript:`},
		{"animate onclick", svgOpen + `<set attributeName="onclick" to="alert(1)"/></svg>`, "1:104", "changes a link or an event handler"},
		{"style url", svgOpen + `<style>rect { fill: url(https://example.org/f.svg#g) }</style></svg>`, "1:104", `<style> holds "url(https://example.org/f.svg#g)", which loads a file`},
		{"style import", svgOpen + `<style><![CDATA[@import "https://example.org/a.css";]]></style></svg>`, "1:104", `"@import"`},
		{"style escaped url", svgOpen + `<style>rect { fill: \75 rl(https://example.org/f.svg) }</style></svg>`, "1:104", "url(https://example.org/f.svg)"},
		{"style javascript url", svgOpen + `<style>rect { background: url(javascript:alert(1)) }</style></svg>`, "1:104", "url(javascript:alert(1))"},
		{"style expression", svgOpen + `<style>rect { width: expression(alert(1)) }</style></svg>`, "1:104", "which old browsers run as a script"},
		{"style binding", svgOpen + `<rect style="-moz-binding : url(#x)"/></svg>`, "1:110", `"-moz-binding"`},
		{"style behavior", svgOpen + `<rect style="behavior:url(x.htc)"/></svg>`, "1:110", `"behavior"`},
		{"style attribute url", svgOpen + `<rect style="fill:url('https://example.org/a.png')"/></svg>`, "1:110", "style holds"},
		{"fill url", svgOpen + `<rect fill="url(a.svg#g)"/></svg>`, "1:110", `fill holds "url(a.svg#g)"`},
		{"cursor url", svgOpen + `<rect cursor="url(https://example.org/c.cur), auto"/></svg>`, "1:110", "cursor holds"},
		{"image-set with a string", svgOpen + `<rect style="fill: image-set('a.png' 1x)"/></svg>`, "1:110", "image-set("},
		{"entities", `<!DOCTYPE svg [<!ENTITY x "<script>alert(1)</script>">]>` + "\n" + svgOpen + "&x;</svg>", "1:1", "the declaration <!DOCTYPE …> can define entities"},
		{"entity outside a doctype", `<!ENTITY x "y">` + svgOpen + "</svg>", "1:1", "<!ENTITY …>"},
		{"doctype with a bracket in a literal", `<!DOCTYPE svg SYSTEM "a[b">` + svgOpen + "</svg>", "1:1", "<!DOCTYPE …>"},
		{"xml-stylesheet", `<?xml version="1.0"?>` + "\n" + `<?xml-stylesheet type="text/xsl" href="x.xsl"?>` + svgOpen + "</svg>", "2:1", "<?xml-stylesheet?> makes a browser apply another file"},
		{"not xml", svgOpen + `<img src=x onerror=alert(1)></svg>`, "1:114", "SVG picture cannot be read as XML"},
		{"undefined entity", svgOpen + "&nbsp;</svg>", "1:110", "cannot be read as XML"},
		{"late xml declaration", svgOpen + `<?xml version="1.0"?></svg>`, "1:104", "cannot be read as XML: the XML declaration"},
		{"late encoding", svgOpen + `<?xml version="1.0" encoding="utf-16"?></svg>`, "1:143", "cannot be read as XML"},
		{"utf-16", "\xff\xfe<\x00s\x00v\x00g\x00/\x00>\x00", "1:1", "written in the UTF-16 encoding"},
		{"other encoding", `<?xml version="1.0" encoding="Shift_JIS"?>` + svgOpen + "</svg>", "1:1", "written in the Shift_JIS encoding"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps := checkOne("content/tin/bai/hinh.svg", tc.svg)
			if len(ps) != 1 {
				t.Fatalf("%d problems, want 1:\n%v", len(ps), diag.Errors(ps))
			}
			p := ps[0]
			if want := "content/tin/bai/hinh.svg:" + tc.pos; p.Pos.String() != want {
				t.Errorf("at %s, want %s: %v", p.Pos, want, p)
			}
			if !strings.Contains(p.Msg, tc.words) {
				t.Errorf("message %q lacks %q", p.Msg, tc.words)
			}
			if p.Hint == "" || p.Severity != diag.SeverityError {
				t.Errorf("%v: want an error with a hint", p)
			}
		})
	}
}

// TestSVGAllowed checks the constructs of ordinary pictures: none gives a
// problem.
func TestSVGAllowed(t *testing.T) {
	for _, tc := range []struct{ name, svg string }{
		{"plain", svgOpen + `<rect width="10" height="10" fill="#c00"/></svg>`},
		{"doctype on two lines", "<!DOCTYPE\nsvg PUBLIC \"-//W3C//DTD SVG 1.1//EN\"\n  \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">" + svgOpen + "</svg>"},
		{"xml declaration and doctype", `<?xml version="1.0" encoding="UTF-8" standalone="no"?>` + "\n" +
			`<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">` + "\n" + svgOpen + "</svg>"},
		{"byte-order mark", "\xef\xbb\xbf" + svgOpen + "</svg>"},
		{"latin-1", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + svgOpen + "<title>Caf\xe9</title></svg>"},
		{"windows-1252", "<?xml version=\"1.0\" encoding=\"windows-1252\"?>" + svgOpen + "<title>\x93x\x94</title></svg>"},
		{"comment", "<!-- Generator: Adobe Illustrator 24.0.0, SVG Export Plug-In -->" + svgOpen + "<!-- <script>alert(1)</script> --></svg>"},
		{"fragment references", svgOpen + `<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient><path id="p" d="M0 0h1"/></defs>` +
			`<use href="#p"/><use xlink:href=" #p "/><rect fill="url(#g)" style="stroke: url( '#g' )"/><a href="#p"><text>x</text></a></svg>`},
		{"data raster", svgOpen + `<image width="1" height="1" xlink:href="data:image/png;base64,iVBORw0KGgo="/><image href="data:image/JPEG,xx"/><image href="` + "\n  " + `data:image/webp;base64,UklGR"/></svg>`},
		{"style element", svgOpen + `<style>.a { fill: url(#g); font-family: '\5FAE\8F6F\96C5\9ED1' } @media print { .a { fill: black } }</style></svg>`},
		{"transforms and filters", svgOpen + `<g transform="translate(1 2) rotate(45) matrix(1 0 0 1 0 0)" filter="url(#f)" clip-path="url(#c)" mask="url(#m)"><circle r="1"/></g></svg>`},
		{"ordinary animation", svgOpen + `<circle r="1"><animate attributeName="r" values="1;2;1" dur="2s" repeatCount="indefinite"/><set attributeName="fill" to="red" begin="1s"/></circle></svg>`},
		{"text that looks like code", svgOpen + `<text>javascript:alert(1) &lt;script&gt; url(https://example.org/)</text><desc>onload</desc></svg>`},
		{"metadata namespaces", svgOpen + `<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:cc="http://creativecommons.org/ns#"><cc:Work rdf:about=""><cc:license rdf:resource="http://creativecommons.org/licenses/by/4.0/"/></cc:Work></rdf:RDF></metadata>` +
			`<g xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:label="Lớp 1" inkscape:groupmode="layer"/></svg>`},
		{"xpacket", svgOpen + `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?></svg>`},
		{"aria and ids", svgOpen + `<g role="img" aria-label="Biểu đồ (tỷ đồng)" id="one" class="a b" data-name="x"/></svg>`},
		{"empty", ""},
		{"no root", "chỉ có chữ"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if ps := checkOne("content/tin/bai/hinh.svg", tc.svg); len(ps) > 0 {
				t.Errorf("%d problems, want none:\n%v", len(ps), diag.Errors(ps))
			}
		})
	}
}

// TestSVGProblemsAreCapped checks that a picture full of problems lists
// maxProblems of them, then one that counts them all, at the first one
// not listed.
func TestSVGProblemsAreCapped(t *testing.T) {
	svg := svgOpen + strings.Repeat("\n<rect onclick=\"alert(1)\"/>", 25) + "</svg>"
	ps := checkOne("content/tin/bai/hinh.svg", svg)
	if len(ps) != maxProblems+1 {
		t.Fatalf("%d problems, want %d", len(ps), maxProblems+1)
	}
	if got := ps[0].Pos.String(); got != "content/tin/bai/hinh.svg:2:7" {
		t.Errorf("first problem at %s", got)
	}
	if last := ps[maxProblems]; !strings.Contains(last.Msg, "more problems follow in this file (25 in all)") || last.Pos.Line != 12 {
		t.Errorf("last problem %v", last)
	}
}

// TestSVGSkipsInsideRefusedElements checks that a refused element is one
// problem, whatever it holds, and that the check goes on after it.
func TestSVGSkipsInsideRefusedElements(t *testing.T) {
	svg := svgOpen + `<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script><img onerror="alert(2)"/></div></foreignObject>` +
		"\n" + `<rect onclick="alert(3)"/></svg>`
	ps := checkOne("content/tin/bai/hinh.svg", svg)
	if len(ps) != 2 || ps[0].Pos.Line != 1 || ps[1].Pos.String() != "content/tin/bai/hinh.svg:2:7" {
		t.Fatalf("problems:\n%v", diag.Errors(ps))
	}
}

// TestSVGColumnsCountCharacters checks that a column counts characters,
// not bytes, as every other problem's does.
func TestSVGColumnsCountCharacters(t *testing.T) {
	svg := svgOpen + "\n<text>Hình ảnh</text><rect onclick=\"x\"/></svg>"
	ps := checkOne("content/tin/bai/hinh.svg", svg)
	if len(ps) != 1 || ps[0].Pos.String() != "content/tin/bai/hinh.svg:2:28" {
		t.Fatalf("problems:\n%v", diag.Errors(ps))
	}
}

func TestCSSRisk(t *testing.T) {
	for css, want := range map[string]string{
		"fill: url(#a)":                   "",
		`fill: url( "#a" )`:               "",
		"fill: URL(x.png)":                "url(x.png)",
		`fill: u\72l(x.png)`:              "url(x.png)",
		`fill: u\000072 l(x.png)`:         "url(x.png)",
		"src: src(x.woff)":                "src(x.woff)",
		"a: cross-fade('a.png', 'b.png')": "cross-fade('a.png', 'b.png')",
		"a: image(#a)":                    "",
		"myurl(x)":                        "",
		"url/**/(x)":                      "",
		"url(":                            "url(",
		`@\69mport "a.css";`:              "@import",
		"behavior : url(a.htc)":           "behavior",
		"consumer behavior":               "",
		"/* url(x) */ fill: red":          "url(x)",
		`\`:                               "",
	} {
		if got, _ := cssRisk(css); got != want {
			t.Errorf("cssRisk(%q) = %q, want %q", css, got, want)
		}
	}
}
