package browser

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// scriptBudget is the most JavaScript, gzipped, a chart page may load.
const scriptBudget = 250 * 1024

// tagPattern matches a <script> or <link> start tag, its quoted attribute
// values included, whatever they hold.
var tagPattern = regexp.MustCompile(`(?is)<(script|link)\b((?:[^>"']|"[^"]*"|'[^']*')*)>`)

// attrPattern matches one attribute of a start tag: name, then an optional
// value, double-quoted, single-quoted or bare.
var attrPattern = regexp.MustCompile(`(?s)([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?`)

// chartFigurePattern matches the start tag of a chart: figure[data-chart].
var chartFigurePattern = regexp.MustCompile(`(?i)<figure\b(?:[^>"']|"[^"]*"|'[^']*')*\sdata-chart=`)

// pageRefs is what one built page loads.
type pageRefs struct {
	scripts     []string // src of every <script src>
	stylesheets []string // href of every <link rel=stylesheet> (or preload, modulepreload)
	charts      int      // figure[data-chart] elements
}

func scanPage(html string) pageRefs {
	var refs pageRefs
	for _, tag := range tagPattern.FindAllStringSubmatch(html, -1) {
		attrs := map[string]string{}
		for _, a := range attrPattern.FindAllStringSubmatch(tag[2], -1) {
			attrs[strings.ToLower(a[1])] = unescapeAttr(a[2] + a[3] + a[4])
		}
		switch strings.ToLower(tag[1]) {
		case "script":
			if src, ok := attrs["src"]; ok {
				refs.scripts = append(refs.scripts, src)
			}
		case "link":
			for _, rel := range strings.Fields(strings.ToLower(attrs["rel"])) {
				if rel == "stylesheet" || rel == "preload" || rel == "modulepreload" {
					refs.stylesheets = append(refs.stylesheets, attrs["href"])
					break
				}
			}
		}
	}
	refs.charts = len(chartFigurePattern.FindAllStringIndex(html, -1))
	return refs
}

// unescapeAttr undoes the character references html/template writes in
// URLs.
func unescapeAttr(s string) string {
	return strings.NewReplacer("&amp;", "&", "&#43;", "+", "&#34;", `"`, "&#39;", "'").Replace(s)
}

// builtPages returns every HTML page of a built site, by slash path.
func builtPages(t *testing.T, public string) map[string]string {
	t.Helper()
	pages := map[string]string{}
	err := fs.WalkDir(os.DirFS(public), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(name) != ".html" {
			return err
		}
		data, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(name)))
		pages[name] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// localFile resolves a URL the page at pageName refers to into a file of
// public/, or reports that the URL is not a path on the site's own host
// (another host, protocol-relative, data: or any other scheme).
func localFile(public, pageName, ref string) (string, bool) {
	u, err := url.Parse(ref)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return "", false
	}
	p := u.Path
	if !strings.HasPrefix(p, "/") {
		p = path.Join("/", path.Dir(pageName), p)
	}
	return filepath.Join(public, filepath.FromSlash(path.Clean(p))), true
}

func gzippedSize(t *testing.T, file string) int {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf) // default level, as a web server would
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}

func TestChartScriptBudget(t *testing.T) {
	public := buildSite(t, exampleSite)
	pages := builtPages(t, public)
	article := strings.TrimPrefix(exampleArticle, "/") + "index.html"
	if _, ok := pages[article]; !ok {
		t.Fatalf("%s was not built", article)
	}
	chartPages := 0
	for name, html := range pages {
		refs := scanPage(html)
		checkLocalRefs(t, public, name, refs)
		if refs.charts == 0 {
			for _, src := range refs.scripts {
				if isChartScript(src) {
					t.Errorf("%s has no chart but loads %s", name, src)
				}
			}
			continue
		}
		chartPages++
		total := 0
		for _, src := range refs.scripts {
			if file, ok := localFile(public, name, src); ok {
				total += gzippedSize(t, file)
			}
		}
		t.Logf("%s: %d charts, %d scripts, %d bytes of JavaScript gzipped (budget %d)", name, refs.charts, len(refs.scripts), total, scriptBudget)
		if total > scriptBudget {
			t.Errorf("%s loads %d bytes of JavaScript gzipped, over the %d-byte budget", name, total, scriptBudget)
		}
		if !loadsECharts(refs.scripts) {
			t.Errorf("%s has %d charts but does not load ECharts", name, refs.charts)
		}
	}
	if chartPages == 0 || scanPage(pages[article]).charts == 0 {
		t.Errorf("%d pages with charts; the example article %s should be one", chartPages, article)
	}
	if chartPages == len(pages) {
		t.Error("every page has charts: nothing shows that a page without charts loads no chart script")
	}
}

// checkLocalRefs fails for each script or stylesheet of the page that comes
// from another host or names no built file.
func checkLocalRefs(t *testing.T, public, name string, refs pageRefs) {
	t.Helper()
	for _, ref := range append(append([]string(nil), refs.scripts...), refs.stylesheets...) {
		file, ok := localFile(public, name, ref)
		if !ok {
			t.Errorf("%s loads %s, which is not a file of the site's own host", name, ref)
			continue
		}
		if _, err := os.Stat(file); err != nil {
			t.Errorf("%s loads %s, which was not built: %v", name, ref, err)
		}
	}
}

// isChartScript reports whether src is ECharts or one of the theme's chart
// scripts (chart-layout.js, chart-kinds.js, charts.js).
func isChartScript(src string) bool {
	base := path.Base(src)
	return strings.HasPrefix(base, "echarts") || strings.HasPrefix(base, "chart")
}

func loadsECharts(scripts []string) bool {
	for _, src := range scripts {
		if strings.HasPrefix(path.Base(src), "echarts") {
			return true
		}
	}
	return false
}

func TestScanPageFindsEveryReference(t *testing.T) {
	for _, tc := range []struct {
		html                 string
		scripts, stylesheets []string
	}{
		{`<script defer src="/assets/js/echarts.1.js"></script>`, []string{"/assets/js/echarts.1.js"}, nil},
		{`<SCRIPT type=module SRC=//cdn.example/e.js></SCRIPT>`, []string{"//cdn.example/e.js"}, nil},
		{`<script data-x="a>b" src='https://cdn.example/e.js'>`, []string{"https://cdn.example/e.js"}, nil},
		{`<script type="application/json">{"a":"<b>"}</script>`, nil, nil},
		{`<link href="/main.css" rel="stylesheet">`, nil, []string{"/main.css"}},
		{`<link rel="preload stylesheet" as="style" href="https://fonts.example/f.css">`, nil, []string{"https://fonts.example/f.css"}},
		{`<link rel="canonical" href="https://example.org/a/">`, nil, nil},
		{"<link\nrel=stylesheet\nhref=a.css>", nil, []string{"a.css"}},
	} {
		got := scanPage(tc.html)
		if strings.Join(got.scripts, " ") != strings.Join(tc.scripts, " ") ||
			strings.Join(got.stylesheets, " ") != strings.Join(tc.stylesheets, " ") {
			t.Errorf("%s: scripts %q, stylesheets %q; want %q, %q", tc.html, got.scripts, got.stylesheets, tc.scripts, tc.stylesheets)
		}
	}
	for ref, local := range map[string]bool{
		"/assets/js/a.js": true, "a.js": true, "//cdn.example/a.js": false,
		"https://cdn.example/a.js": false, "data:text/javascript,alert(1)": false,
	} {
		if _, ok := localFile("public", "a/index.html", ref); ok != local {
			t.Errorf("localFile(%q) local = %v, want %v", ref, ok, local)
		}
	}
}
