package browser

// Files beside articles, in Chromium: the files package bundlefile refuses
// do run scripts when a host serves them, and the files it lets through,
// published byte for byte, run none.

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/almanac-news/almanac"
	"github.com/almanac-news/almanac/internal/build"
	"github.com/almanac-news/almanac/internal/bundlefile"
	"github.com/almanac-news/almanac/internal/diag"
)

const svgNS = `xmlns="http://www.w3.org/2000/svg"`

// hostileFile is a file a writer could put beside an article, and how a
// static host would serve it.
type hostileFile struct {
	name     string // its name in the bundle
	typ      string // the Content-Type a host sends; "" sends none, as Apache 2.4 does for a name it has no type for
	encoding string // the Content-Encoding a host sends
	data     []byte
	runs     bool // opening it runs a script in Chromium (after a click, with click): a dialog opens
	click    bool // the reader clicks the middle of the page
}

// hostileFiles are files that run scripts when opened from the site, or
// could: each is refused by bundlefile.Check.
func hostileFiles(t *testing.T) []hostileFile {
	svg := func(body string) []byte { return []byte(`<svg ` + svgNS + ` viewBox="0 0 10 10">` + body + `</svg>`) }
	return []hostileFile{
		{"evil.html", "text/html", "", []byte("<!doctype html><script>alert('html')</script>"), true, false},
		{"script.svg", "image/svg+xml", "", svg(`<script>alert('svg script')</script>`), true, false},
		{"onload.svg", "image/svg+xml", "", []byte(`<svg ` + svgNS + ` onload="alert('svg onload')"/>`), true, false},
		{"image-onerror.svg", "image/svg+xml", "", svg(`<image href="missing.png" onerror="alert('image onerror')"/>`), true, false},
		{"animation-event.svg", "image/svg+xml", "", svg(`<rect width="5" height="5"><animate attributeName="x" from="0" to="1" dur="0.1s" onbegin="alert('onbegin')"/></rect>`), true, false},
		{"xhtml-script.svg", "image/svg+xml", "", svg(`<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert('xhtml script')</h:script>`), true, false},
		{"foreign-object.svg", "image/svg+xml", "", svg(`<foreignObject width="10" height="10"><img xmlns="http://www.w3.org/1999/xhtml" src="missing.png" onerror="alert('foreignObject')"/></foreignObject>`), true, false},
		{"iframe.svg", "image/svg+xml", "", svg(`<foreignObject width="10" height="10"><iframe xmlns="http://www.w3.org/1999/xhtml" srcdoc="&lt;script&gt;parent.alert('srcdoc')&lt;/script&gt;"/></foreignObject>`), true, false},
		{"entity.svg", "image/svg+xml", "", []byte(`<!DOCTYPE svg [<!ENTITY x "<script ` + svgNS + `>alert('entity')</script>">]><svg ` + svgNS + `>&x;</svg>`), false, false},
		{"link.svg", "image/svg+xml", "", svg(`<a href="javascript:alert('link')"><rect width="10" height="10"/></a>`), true, true},
		{"animated-link.svg", "image/svg+xml", "", svg(`<a href="#r"><set attributeName="href" to="javascript:alert('set')"/><rect id="r" width="10" height="10"/></a>`), true, true},
		{"xslt.svg", "image/svg+xml", "", []byte(`<?xml-stylesheet type="text/xsl" href="make-page.xsl"?><svg ` + svgNS + `/>`), true, false},
		{"compressed.svgz", "image/svg+xml", "gzip", gzipped(t, svg(`<script>alert('svgz')</script>`)), true, false},
		{"du-lieu.xml", "text/xml", "", []byte(`<du-lieu><h:script xmlns:h="http://www.w3.org/1999/xhtml">alert('xml')</h:script></du-lieu>`), true, false},
		{"bao-cao", "", "", []byte("<!-- bản nháp -->\n<script>alert('sniffed')</script>"), true, false},
		{"ghi-chu.md", "", "", []byte("<p>Ghi chú</p><script>alert('markdown')</script>"), true, false},
		{"ban-do.kml", "application/vnd.google-earth.kml+xml", "", []byte(`<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><h:script xmlns:h="http://www.w3.org/1999/xhtml">alert('kml')</h:script></kml>`), false, false},
	}
}

// makePageXSL is the XSLT program xslt.svg applies: it makes a page with
// a script.
const makePageXSL = `<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">` +
	`<xsl:template match="/"><html><body><script>alert('xslt')</script></body></html></xsl:template></xsl:stylesheet>`

func gzipped(t *testing.T, data []byte) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// serveAsHost serves files as a static host would: each with its type
// and encoding, or no Content-Type at all.
func serveAsHost(t *testing.T, files []hostileFile) string {
	byPath := map[string]hostileFile{"/make-page.xsl": {typ: "text/xsl", data: []byte(makePageXSL)}}
	for _, f := range files {
		byPath["/"+f.name] = f
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f, ok := byPath[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header()["Content-Type"] = nil // no sniffing by net/http
		if f.typ != "" {
			w.Header().Set("Content-Type", f.typ)
		}
		if f.encoding != "" {
			w.Header().Set("Content-Encoding", f.encoding)
		}
		_, _ = w.Write(f.data)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// dialogsOf opens url in a new tab, clicks the middle of the page when
// click is set, and returns the dialogs it opened. A file the browser
// downloads instead of showing opens none.
func dialogsOf(t *testing.T, url string, click bool) []string {
	t.Helper()
	ctx := newTab(t)
	watch := watchPage(t, ctx)
	if _, err := chromedp.Run(ctx, chromedp.Navigate(url)); err != nil {
		t.Logf("opening %s: %v", url, err) // a download aborts the navigation
	}
	pause(t, ctx, 300*time.Millisecond) // events and timers of the document
	if click {
		if _, err := chromedp.Run(ctx, chromedp.MouseClickXY(640, 512)); err != nil {
			t.Fatalf("clicking %s: %v", url, err)
		}
		pause(t, ctx, 300*time.Millisecond)
	}
	_, dialogs, _ := watch.snapshot()
	return dialogs
}

// TestRefusedBundleFilesRunScripts serves each file bundlefile refuses as
// a host would and opens it in Chromium: those marked runs open a dialog,
// so the rule is not refusing harmless files for nothing, and the test
// would see a script that ran. Every one of them is refused.
func TestRefusedBundleFilesRunScripts(t *testing.T) {
	files := hostileFiles(t)
	base := serveAsHost(t, files)
	for _, f := range files {
		t.Run(f.name, func(t *testing.T) {
			name := "content/tin/bai/" + f.name
			if ps := bundlefile.Check(fstest.MapFS{name: {Data: f.data}}, name); len(ps) == 0 {
				t.Errorf("bundlefile.Check lets %s through", name)
			}
			dialogs := dialogsOf(t, base+"/"+f.name, f.click)
			switch {
			case f.runs && len(dialogs) == 0:
				t.Errorf("served as %q, %s opened no dialog: the test no longer sees its script run", f.typ, f.name)
			case !f.runs && len(dialogs) > 0:
				t.Logf("%s runs in this Chromium too: %q", f.name, dialogs)
			case !f.runs:
				t.Logf("%s runs nothing in this Chromium (refused all the same)", f.name)
			}
		})
	}
}

// TestBundleFilesInChromium builds the site: an article whose
// bundle holds evil.html and evil.svg. Published as they are (allow_html
// = true), each runs its script on the site's address: two dialogs.
// Without allow_html the build refuses both; the site built without them
// publishes its clean pictures byte for byte, and neither they nor the
// article showing them open a dialog.
func TestBundleFilesInChromium(t *testing.T) {
	evil := map[string]string{
		"content/tin/bai/evil.html": "<!doctype html><title>x</title><script>alert(document.domain)</script>",
		"content/tin/bai/evil.svg":  `<svg ` + svgNS + `><script>alert(document.domain)</script></svg>`,
	}
	t.Run("allow_html = true publishes them, and they run", func(t *testing.T) {
		base := serve(t, buildSite(t, bundleSite(t, "allow_html = true\n", evil)))
		dialogs := append(dialogsOf(t, base+"/tin/bai/evil.html", false), dialogsOf(t, base+"/tin/bai/evil.svg", false)...)
		if len(dialogs) != 2 {
			t.Errorf("%d dialogs, want the 2 of the issue: %q", len(dialogs), dialogs)
		}
	})
	t.Run("without allow_html the build refuses them", func(t *testing.T) {
		_, err := build.Run(context.Background(), build.Options{Site: os.DirFS(bundleSite(t, "", evil)),
			Theme: almanac.Theme(), Dest: filepath.Join(t.TempDir(), "public"), Now: buildTime})
		var problems diag.Errors
		if !errors.As(err, &problems) || len(problems) != 2 ||
			problems[0].Pos.String() != "content/tin/bai/evil.html:1:1" || problems[1].Pos.String() != "content/tin/bai/evil.svg:1:41" {
			t.Fatalf("err = %v, want evil.html and evil.svg refused at their positions", err)
		}
	})
	t.Run("what passes runs nothing", func(t *testing.T) {
		site := bundleSite(t, "", nil)
		public := buildSite(t, site)
		base := serve(t, public)
		for _, name := range []string{"sach.svg", "anh-bia.svg"} {
			published, _ := os.ReadFile(filepath.Join(public, "tin", "bai", name))
			source, _ := os.ReadFile(filepath.Join(site, "content", "tin", "bai", name))
			if len(source) == 0 || !bytes.Equal(published, source) {
				t.Errorf("%s is not published byte for byte", name)
			}
			if dialogs := dialogsOf(t, base+"/tin/bai/"+name, true); len(dialogs) > 0 {
				t.Errorf("%s opened %q", name, dialogs)
			}
		}
		ctx := newTab(t)
		watch := watchPage(t, ctx)
		navigate(t, ctx, base+"/tin/bai/")
		pause(t, ctx, 300*time.Millisecond)
		watch.checkClean(t)
	})
}

// bundleSite writes a site whose article bundle holds two clean pictures,
// one of them the example site's, and the given files.
func bundleSite(t *testing.T, config string, files map[string]string) string {
	t.Helper()
	picture, err := os.ReadFile(filepath.Join(exampleSite, "content/cong-thuong/tong-ket-nam-2020/anh-bia.svg"))
	if err != nil {
		t.Fatal(err)
	}
	all := map[string]string{
		"almanac.toml": "title = \"Bản tin thử\"\nbase_url = \"https://example.org/\"\nlanguage = \"vi\"\n" + config,
		"content/tin/bai/index.md": "---\ntitle: Bài có hình\ndate: 2020-12-30T15:01:00+07:00\n" +
			"image: {src: anh-bia.svg, alt: Nhà xưởng lúc bình minh}\n---\nHình vẽ: ![Đồ thị](sach.svg)\n",
		"content/tin/bai/anh-bia.svg": string(picture),
		"content/tin/bai/sach.svg": `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
			`<svg ` + svgNS + ` xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 120 60" width="120" height="60">` +
			`<defs><linearGradient id="g"><stop offset="0" stop-color="#c00"/><stop offset="1" stop-color="#fc0"/></linearGradient>` +
			`<path id="p" d="M0 60 L60 0 L120 60z"/></defs><style>.n { fill: url(#g) }</style>` +
			`<use xlink:href="#p" class="n"/><a href="#p"><text x="4" y="56">68.800 tỷ đồng</text></a></svg>`,
	}
	for name, data := range files {
		all[name] = data
	}
	return writeSiteFiles(t, all)
}
