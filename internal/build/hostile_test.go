package build

// Hostile text: HTML and script in every text a journalist writes must
// reach readers as text on pages, in feeds, structured data, chart options
// and CSV files.

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// hostilePayload is hostile text: it closes a script element and opens
// another, breaks out of an attribute into an element, ends a CDATA
// section and a JSON string, and opens a comment.
const hostilePayload = `</script><script>alert(1)</script>"'><img src=x onerror=alert(2)>]]>&amp;<!--`

// hostileSite writes a site whose every front-matter and chart text ends
// with hostilePayload.
func hostileSite(t *testing.T) string {
	t.Helper()
	q := func(s string) string { return yamlQuote(s + " " + hostilePayload) }
	fm := "---\n" +
		"title: " + q("Tiêu đề") + "\n" +
		"date: 2020-12-30T15:01:00+07:00\n" +
		"summary: " + q("Tóm tắt") + "\n" +
		"author: " + q("Tác giả") + "\n" +
		"tags: [" + q("Thẻ") + "]\n" +
		"image: {src: anh.svg, alt: " + q("Mô tả ảnh") + ", caption: " + q("Chú thích ảnh") + "}\n" +
		"figures:\n" +
		"  - {indicator: xuat-khau, label: " + q("Nhãn") + ", unit: " + q("đơn vị") + ", period: \"2019\", value: 100, status: actual, source: " + q("Nguồn số") + ", note: " + q("Ghi chú số") + "}\n" +
		"  - {indicator: xuat-khau, period: \"2020\", value: 90, change: -10, status: estimate}\n" +
		"charts:\n" +
		"  - {id: xk, type: column, title: " + q("Biểu đồ") + ", indicators: [xuat-khau], source: " + q("Nguồn biểu đồ") + ", note: " + q("Ghi chú biểu đồ") + "}\n" +
		"---\n" +
		"Thân bài <script>alert(3)</script> có HTML thô.\n\n```chart\nid: xk\n```\n"
	return oddSite(t, map[string]string{
		"almanac.toml":                 oddConfig + "feed_full_text = true\n",
		"content/tin/doc-hai/index.md": fm,
		"content/tin/doc-hai/anh.svg":  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>x</title></svg>`,
	})
}

// hostile is a field's text followed by hostilePayload, as hostileSite
// writes it.
func hostile(s string) string { return s + " " + hostilePayload }

// hostileMarkup are pieces of hostilePayload that must never reach an
// HTML page as markup.
var hostileMarkup = []string{"<script>alert", "<img src=x", "&amp;<!--", `"'><`}

func TestHostileText(t *testing.T) {
	files := mustBuild(t, hostileSite(t))
	doc := parseHTML(t, files["tin/doc-hai/index.html"])
	t.Run("every page", func(t *testing.T) { checkHostilePages(t, files) })
	t.Run("article", func(t *testing.T) { checkHostileArticle(t, doc) })
	t.Run("JSON-LD", func(t *testing.T) { checkHostileJSONLD(t, doc) })
	t.Run("chart option", func(t *testing.T) { checkHostileChartOption(t, doc) })
	t.Run("feeds", func(t *testing.T) { checkHostileFeeds(t, files) })
	t.Run("CSV", func(t *testing.T) { checkHostileCSV(t, files["tin/doc-hai/chart-xk.csv"]) })
}

// checkHostilePages checks every HTML page of the site.
func checkHostilePages(t *testing.T, files map[string][]byte) {
	pages := 0
	for name, data := range files {
		if strings.HasSuffix(name, ".html") {
			checkHostilePage(t, name, data)
			pages++
		}
	}
	if pages < 10 {
		t.Errorf("only %d pages checked", pages)
	}
}

// checkHostileArticle checks that the article shows every text as text.
func checkHostileArticle(t *testing.T, doc *html.Node) {
	for _, tc := range []struct{ what, got, want string }{
		{"title", nodeText(firstNode(t, doc, isElement("title"))), hostile("Tiêu đề") + " | Bản tin thử"},
		{"heading", nodeText(firstNode(t, doc, isElement("h1"))), hostile("Tiêu đề")},
		{"og:title", attrOf(firstNode(t, doc, isMeta("og:title")), "content"), hostile("Tiêu đề")},
		{"description", attrOf(firstNode(t, doc, isMeta("description")), "content"), hostile("Tóm tắt")},
		{"standfirst", nodeText(firstNode(t, doc, hasClass("story__standfirst"))), hostile("Tóm tắt")},
		{"author", nodeText(firstNode(t, doc, hasClass("byline__authors"))), "Tác giả: " + hostile("Tác giả")},
		{"tag", nodeText(firstNode(t, doc, hasClass("tags__link"))), hostile("Thẻ")},
		{"image alt", attrOf(firstNode(t, doc, hasClass("figure"), isElement("img")), "alt"), hostile("Mô tả ảnh")},
		{"image caption", nodeText(firstNode(t, doc, hasClass("figure__caption"))), hostile("Chú thích ảnh")},
		{"figure label", nodeText(firstNode(t, doc, hasClass("kpi__label"))), hostile("Nhãn")},
		{"figure unit", nodeText(firstNode(t, doc, hasClass("kpi__unit"))), hostile("đơn vị")},
		{"chart title", nodeText(firstNode(t, doc, hasClass("chart__title"))), hostile("Biểu đồ")},
		{"chart caption", strings.TrimSpace(nodeText(firstNode(t, doc, hasClass("chart__caption")))),
			"Đơn vị: " + hostile("đơn vị") + "Nguồn: " + hostile("Nguồn biểu đồ") + "Ghi chú: " + hostile("Ghi chú biểu đồ") + "\nTải dữ liệu (CSV)"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s reads\n%q, want\n%q", tc.what, tc.got, tc.want)
		}
	}
	if body := nodeText(firstNode(t, doc, hasClass("story__body"), isElement("p"))); body != "Thân bài alert(3) có HTML thô." {
		t.Errorf("the body's first paragraph reads %q; raw HTML is left out by default", body)
	}
}

// checkHostileJSONLD checks the texts of the article's structured data.
func checkHostileJSONLD(t *testing.T, doc *html.Node) {
	var article struct {
		Headline    string
		Description string
		Author      []struct{ Name string }
		Keywords    []string
	}
	var crumbs struct{ ItemListElement []struct{ Name string } }
	scripts := findNodes(doc, isScriptOfType("application/ld+json"))
	if len(scripts) != 2 {
		t.Fatalf("%d JSON-LD scripts, want 2", len(scripts))
	}
	unmarshalScript(t, scripts[0], &article)
	unmarshalScript(t, scripts[1], &crumbs)
	if article.Headline != hostile("Tiêu đề") || article.Description != hostile("Tóm tắt") ||
		len(article.Author) != 1 || article.Author[0].Name != hostile("Tác giả") ||
		!slices.Equal(article.Keywords, []string{hostile("Thẻ")}) {
		t.Errorf("NewsArticle reads %+v", article)
	}
	if n := len(crumbs.ItemListElement); n == 0 || crumbs.ItemListElement[n-1].Name != hostile("Tiêu đề") {
		t.Errorf("BreadcrumbList reads %+v", crumbs)
	}
}

// checkHostileChartOption checks the texts of the chart's ECharts option.
func checkHostileChartOption(t *testing.T, doc *html.Node) {
	var option struct {
		Title  struct{ Text string }
		Series []struct{ Name string }
		YAxis  []struct{ Name string }
	}
	unmarshalScript(t, firstNode(t, doc, hasClass("chart-option")), &option)
	if option.Title.Text != hostile("Biểu đồ") || len(option.Series) != 1 || option.Series[0].Name != hostile("Nhãn") ||
		len(option.YAxis) != 1 || option.YAxis[0].Name != hostile("đơn vị") {
		t.Errorf("the chart option reads %+v", option)
	}
}

// checkHostileFeeds checks the texts of the feeds and the news sitemap,
// and that every XML file is well-formed.
func checkHostileFeeds(t *testing.T, files map[string][]byte) {
	checkRSS(t, files["index.xml"])
	checkAtom(t, files["atom.xml"])
	var news struct {
		Titles []string `xml:"url>news>title"`
	}
	unmarshalXML(t, "news-sitemap.xml", files["news-sitemap.xml"], &news)
	if !slices.Equal(news.Titles, []string{hostile("Tiêu đề")}) {
		t.Errorf("news-sitemap.xml titles %q", news.Titles)
	}
	for name, data := range files {
		if strings.HasSuffix(name, ".xml") {
			unmarshalXML(t, name, data, new(struct{}))
		}
	}
}

// checkHostileCSV checks that the chart's CSV file holds the texts as
// they were written.
func checkHostileCSV(t *testing.T, data []byte) {
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
	if err != nil || len(rows) != 3 {
		t.Fatalf("chart-xk.csv: %d rows, %v", len(rows), err)
	}
	cell := func(row int, column string) string {
		if i := slices.Index(rows[0], column); i >= 0 {
			return rows[row][i]
		}
		return "<no column " + column + ">"
	}
	for _, tc := range []struct{ column, want string }{
		{"Chỉ tiêu", hostile("Nhãn")}, {"Đơn vị", hostile("đơn vị")}, {"Nguồn", hostile("Nguồn số")}, {"Ghi chú", hostile("Ghi chú số")},
	} {
		if got := cell(1, tc.column); got != tc.want {
			t.Errorf("CSV column %s reads %q, want %q", tc.column, got, tc.want)
		}
	}
}

// checkHostilePage checks that no part of hostilePayload became markup
// on a page: no injected element or attribute, no injected script, and
// JSON scripts that decode whole.
func checkHostilePage(t *testing.T, name string, data []byte) {
	t.Helper()
	for _, s := range hostileMarkup {
		if bytes.Contains(data, []byte(s)) {
			t.Errorf("%s holds %q unescaped", name, s)
		}
	}
	for _, n := range findNodes(parseHTML(t, data), func(n *html.Node) bool { return n.Type == html.ElementNode }) {
		if n.Data == "img" && attrOf(n, "src") == "x" || hasAttrNamed(n, "onerror") {
			t.Errorf("%s: an injected <%s>", name, n.Data)
		}
		if n.Data != "script" || hasAttrNamed(n, "src") {
			continue
		}
		if typ := attrOf(n, "type"); typ != "application/json" && typ != "application/ld+json" {
			if strings.Contains(nodeText(n), "alert(") {
				t.Errorf("%s: an injected script: %q", name, nodeText(n))
			}
			continue
		}
		if strings.ContainsAny(nodeText(n), "<>") {
			t.Errorf("%s: a JSON script holds < or > unescaped", name)
		}
		if !json.Valid([]byte(nodeText(n))) {
			t.Errorf("%s: a JSON script is cut short: %q", name, nodeText(n))
		}
	}
}

func checkRSS(t *testing.T, data []byte) {
	t.Helper()
	var rss struct {
		Items []struct {
			Title       string   `xml:"title"`
			Creator     string   `xml:"http://purl.org/dc/elements/1.1/ creator"`
			Categories  []string `xml:"category"`
			Description string   `xml:"description"`
			Content     string   `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
		} `xml:"channel>item"`
	}
	unmarshalXML(t, "index.xml", data, &rss)
	if len(rss.Items) != 1 {
		t.Fatalf("index.xml has %d items", len(rss.Items))
	}
	item := rss.Items[0]
	if item.Title != hostile("Tiêu đề") || item.Creator != hostile("Tác giả") || !slices.Equal(item.Categories, []string{hostile("Thẻ")}) {
		t.Errorf("index.xml item reads %+v", item)
	}
	if got := htmlText(t, item.Description); got != hostile("Tóm tắt") {
		t.Errorf("index.xml description, as HTML, reads %q", got)
	}
	checkFeedContent(t, "index.xml", item.Content)
}

func checkAtom(t *testing.T, data []byte) {
	t.Helper()
	var feed struct {
		Entries []struct {
			Title      string `xml:"title"`
			Author     string `xml:"author>name"`
			Categories []struct {
				Label string `xml:"label,attr"`
			} `xml:"category"`
			Summary string `xml:"summary"`
			Content string `xml:"content"`
		} `xml:"entry"`
	}
	unmarshalXML(t, "atom.xml", data, &feed)
	if len(feed.Entries) != 1 {
		t.Fatalf("atom.xml has %d entries", len(feed.Entries))
	}
	e := feed.Entries[0]
	if e.Title != hostile("Tiêu đề") || e.Author != hostile("Tác giả") || e.Summary != hostile("Tóm tắt") ||
		len(e.Categories) != 1 || e.Categories[0].Label != hostile("Thẻ") {
		t.Errorf("atom.xml entry reads %+v", e)
	}
	checkFeedContent(t, "atom.xml", e.Content)
}

// checkFeedContent checks the HTML of a full-text feed entry: its chart
// table shows the chart's texts as text, and it holds no element that
// hostilePayload tried to inject.
func checkFeedContent(t *testing.T, feed, content string) {
	t.Helper()
	doc := parseHTML(t, []byte(content))
	if n := findNodes(doc, func(n *html.Node) bool { return n.Type == html.ElementNode && (n.Data == "script" || n.Data == "img") }); len(n) > 0 {
		t.Errorf("%s content holds an injected <%s>", feed, n[0].Data)
	}
	if got, want := nodeText(firstNode(t, doc, isElement("caption"))), hostile("Biểu đồ")+" ("+hostile("đơn vị")+")"; got != want {
		t.Errorf("%s chart caption reads %q, want %q", feed, got, want)
	}
}

func unmarshalXML(t *testing.T, name string, data []byte, v any) {
	t.Helper()
	if err := xml.Unmarshal(data, v); err != nil {
		t.Errorf("%s is not well-formed XML: %v", name, err)
	}
}

func unmarshalScript(t *testing.T, script *html.Node, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(nodeText(script)), v); err != nil {
		t.Fatalf("script %q: %v", nodeText(script), err)
	}
}

func parseHTML(t *testing.T, data []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// htmlText is the text a reader sees of an HTML fragment.
func htmlText(t *testing.T, fragment string) string {
	t.Helper()
	return nodeText(parseHTML(t, []byte(fragment)))
}

// findNodes returns the nodes under n that match, in document order.
func findNodes(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var found []*html.Node
	for d := range n.Descendants() {
		if match(d) {
			found = append(found, d)
		}
	}
	return found
}

// firstNode returns the first node matching the last test inside the first
// node matching the one before, and so on.
func firstNode(t *testing.T, n *html.Node, path ...func(*html.Node) bool) *html.Node {
	t.Helper()
	for _, match := range path {
		found := findNodes(n, match)
		if len(found) == 0 {
			t.Fatal("no element matches the path")
		}
		n = found[0]
	}
	return n
}

func isElement(tag string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == tag }
}

func hasClass(name string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		return n.Type == html.ElementNode && slices.Contains(strings.Fields(attrOf(n, "class")), name)
	}
}

func isMeta(name string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		return n.Type == html.ElementNode && n.Data == "meta" && (attrOf(n, "name") == name || attrOf(n, "property") == name)
	}
}

func isScriptOfType(typ string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		return n.Type == html.ElementNode && n.Data == "script" && attrOf(n, "type") == typ
	}
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttrNamed(n *html.Node, key string) bool {
	return slices.ContainsFunc(n.Attr, func(a html.Attribute) bool { return a.Key == key })
}

// nodeText is the text content of n.
func nodeText(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	if n.Type == html.TextNode {
		return n.Data
	}
	return b.String()
}
