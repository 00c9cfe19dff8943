package build

// Odd content: encodings, line endings, empty and binary files, very large
// articles, links out of the site and clashing file names. Each build must
// give the right site or positioned errors, never a panic or a partial
// public/.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/almanac-news/almanac"
	"github.com/almanac-news/almanac/internal/diag"
)

// oddConfig is the configuration of the small sites the tests below build.
const oddConfig = `title = "Bản tin thử"
base_url = "https://example.org/"
language = "vi"
time_zone = "Asia/Ho_Chi_Minh"
`

// article is a minimal article's front matter followed by body.
func oddArticle(title, body string) string {
	return "---\ntitle: " + yamlQuote(title) + "\ndate: 2020-12-30T15:01:00+07:00\n---\n" + body
}

// yamlQuote writes s as a single-quoted YAML string, which keeps every
// character but the quote itself literal.
func yamlQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// oddSite writes almanac.toml and files into a new site folder.
func oddSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, dir, "almanac.toml", oddConfig)
	for name, data := range files {
		writeFile(t, dir, name, data)
	}
	return dir
}

// buildFS builds the site siteFS into dir/public, timing the build.
func buildFS(t *testing.T, dir string, siteFS fs.FS) (*Result, error) {
	t.Helper()
	start := time.Now()
	res, err := Run(context.Background(), Options{Site: siteFS, Theme: almanac.Theme(), Dest: filepath.Join(dir, "public"), Now: buildTime})
	t.Logf("build took %v", time.Since(start).Round(time.Millisecond))
	return res, err
}

// mustBuild builds dir and returns the tree it wrote.
func mustBuild(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	if _, err := buildFS(t, dir, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	return tree(t, filepath.Join(dir, "public"))
}

// mustFail builds dir's site from siteFS, wants an error holding every
// string of want, and checks that the build wrote nothing at all.
func mustFail(t *testing.T, dir string, siteFS fs.FS, want ...string) error {
	t.Helper()
	_, err := buildFS(t, dir, siteFS)
	if err == nil {
		t.Fatalf("the build succeeded; want an error with %q", want)
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("err = %v\nwant it to contain %q", err, w)
		}
	}
	var problems diag.Errors
	if errors.As(err, &problems) {
		for _, p := range problems {
			if p.Pos.File == "" {
				t.Errorf("problem without a file: %v", p)
			}
		}
	}
	noOutput(t, dir)
	return err
}

// noOutput checks that a failed first build left no public/ and no
// staging folder beside it.
func noOutput(t *testing.T, dir string) {
	t.Helper()
	if _, err := os.Lstat(filepath.Join(dir, "public")); !errors.Is(err, fs.ErrNotExist) {
		t.Error("a failed build created public/")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".public.*")); len(left) > 0 {
		t.Errorf("a failed build left %v", left)
	}
}

// pngBytes is the start of a PNG file: its signature and an IHDR chunk.
var pngBytes = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89")

func TestOddContent(t *testing.T) {
	t.Run("invalid UTF-8", func(t *testing.T) {
		dir := oddSite(t, map[string]string{"content/tin/a.md": "---\ntitle: A\ndate: 2020-12-30\n---\nĐoạn một.\n\nĐoạn \xc3\x28 hai.\n"})
		mustFail(t, dir, os.DirFS(dir), "content/tin/a.md:7:6: the file is not valid UTF-8 text (byte 0xc3)", "save the file as UTF-8")
	})
	t.Run("byte-order mark", func(t *testing.T) {
		dir := oddSite(t, map[string]string{"content/tin/a.md": "\ufeff" + oddArticle("Tiêu đề có BOM", "Nội dung.\n")})
		page := string(mustBuild(t, dir)["tin/a/index.html"])
		if !strings.Contains(page, "<h1") || !strings.Contains(page, ">Tiêu đề có BOM</h1>") {
			t.Errorf("the title is not the page's heading:\n%s", page)
		}
		if strings.Contains(page, "\ufeff") {
			t.Error("the byte-order mark reached the page")
		}
	})
	t.Run("CRLF line endings", func(t *testing.T) {
		src := "---\r\ntitle: Dòng CRLF\r\ndate: 2020-12-30T15:01:00+07:00\r\ntags: [Công nghiệp]\r\nsummary: Tóm tắt\r\n---\r\nĐoạn một\r\ndòng hai.\r\n\r\n## Mục\r\n\r\n- a\r\n- b\r\n"
		dir := oddSite(t, map[string]string{"content/tin/a.md": src})
		files := mustBuild(t, dir)
		page := string(files["tin/a/index.html"])
		for _, want := range []string{">Dòng CRLF</h1>", "<p>Đoạn một\ndòng hai.</p>", `<h2 id="muc">Mục</h2>`, "<li>a</li>\n<li>b</li>", "Tóm tắt"} {
			if !strings.Contains(page, want) {
				t.Errorf("page lacks %q", want)
			}
		}
		if strings.Contains(page, "\r") {
			t.Error("a carriage return reached the page")
		}
		if _, ok := files["tags/cong-nghiep/index.html"]; !ok {
			t.Error("the tag of a CRLF front matter has no page")
		}
	})
	t.Run("empty file", func(t *testing.T) {
		dir := oddSite(t, map[string]string{"content/tin/a.md": ""})
		mustFail(t, dir, os.DirFS(dir), "content/tin/a.md:1:1: the file has no front matter")
	})
	t.Run("front matter never closes", func(t *testing.T) {
		dir := oddSite(t, map[string]string{"content/tin/a.md": "---\ntitle: A\ndate: 2020-12-30\n\nNội dung.\n"})
		mustFail(t, dir, os.DirFS(dir), "content/tin/a.md:1:1: the front matter that starts here never closes", `"---"`)
	})
	t.Run("PNG named .md", func(t *testing.T) {
		dir := oddSite(t, map[string]string{"content/tin/x.md": string(pngBytes)})
		mustFail(t, dir, os.DirFS(dir), "content/tin/x.md:1:1: the file is not valid UTF-8 text (byte 0x89)")
	})
	t.Run("PNG outside bundles", func(t *testing.T) {
		dir := oddSite(t, map[string]string{"content/tin/a.md": oddArticle("A", "Nội dung.\n"), "content/tin/anh.png": string(pngBytes), "content/anh.png": string(pngBytes)})
		for name, data := range mustBuild(t, dir) {
			if bytes.Contains(data, []byte("anh.png")) || strings.HasSuffix(name, ".png") {
				t.Errorf("the stray PNG reached public/%s", name)
			}
		}
	})
}

func TestLargeContent(t *testing.T) {
	t.Run("10 MB article", func(t *testing.T) {
		var body strings.Builder
		last := 0
		for ; body.Len() < 10<<20; last++ {
			i := last
			fmt.Fprintf(&body, "Đoạn %d: sản xuất công nghiệp tăng *%d,%d%%* so với [năm trước](/tin/). ", i, i%97, i%10)
			if i%8 == 7 {
				body.WriteString("\n\n")
			}
			if i%4000 == 0 {
				fmt.Fprintf(&body, "\n\n## Phần %d\n\n", i)
			}
		}
		dir := oddSite(t, map[string]string{"content/tin/dai.md": oddArticle("Bài rất dài", body.String())})
		start := time.Now()
		page := mustBuild(t, dir)["tin/dai/index.html"]
		if took := time.Since(start); took > 10*time.Second {
			t.Errorf("a 10 MB article took %v to build", took)
		}
		if len(page) < 10<<20 || !bytes.Contains(page, fmt.Appendf(nil, "Đoạn %d:", last-1)) {
			t.Errorf("the page holds %d bytes, not the whole article", len(page))
		}
	})
	t.Run("10,000 figures", func(t *testing.T) {
		var fm strings.Builder
		fm.WriteString("---\ntitle: Mười nghìn số liệu\ndate: 2020-12-30T15:01:00+07:00\nkpis: [chi-so-0, chi-so-99]\nfigures:\n")
		for ind := range 100 {
			for year := range 100 {
				fmt.Fprintf(&fm, "  - {indicator: chi-so-%d, period: \"%d\", value: %d, change: %d.5", ind, 1921+year, 1000+ind*year, year%7-3)
				if year == 0 {
					fmt.Fprintf(&fm, ", label: Chỉ số %d, unit: tỷ đồng", ind)
				}
				fm.WriteString("}\n")
			}
		}
		fm.WriteString("charts:\n  - {id: dai, type: line, title: Một trăm năm, indicators: [chi-so-0, chi-so-1]}\n---\nNội dung.\n")
		dir := oddSite(t, map[string]string{"content/tin/so-lieu.md": fm.String()})
		start := time.Now()
		files := mustBuild(t, dir)
		t.Logf("10,000 figures: %v", time.Since(start).Round(time.Millisecond))
		page := string(files["tin/so-lieu/index.html"])
		if !strings.Contains(page, "Chỉ số 99") || !strings.Contains(page, ">10.801&nbsp;<") || !strings.Contains(page, "Một trăm năm") {
			t.Error("the KPI cards or the chart are missing") // chi-so-99's latest value is 1000 + 99×99
		}
		if csv := files["tin/so-lieu/chart-dai.csv"]; bytes.Count(csv, []byte("\n")) < 100 {
			t.Errorf("the chart's CSV holds %d lines, want a header and 100 years", bytes.Count(csv, []byte("\n")))
		}
	})
	t.Run("lists nested 100 deep", func(t *testing.T) {
		var body strings.Builder
		for depth := range 100 {
			fmt.Fprintf(&body, "%s- mức %d\n", strings.Repeat("  ", depth), depth)
		}
		body.WriteString("\n" + strings.Repeat(">", 100) + " trích dẫn sâu\n")
		dir := oddSite(t, map[string]string{"content/tin/sau.md": oddArticle("Danh sách sâu", body.String())})
		page := mustBuild(t, dir)["tin/sau/index.html"]
		if n := bytes.Count(page, []byte("<ul>")); n < 100 {
			t.Errorf("%d nested lists rendered, want 100", n)
		}
		if !bytes.Contains(page, []byte("mức 99")) || !bytes.Contains(page, []byte("trích dẫn sâu")) {
			t.Error("the deepest item or quote is missing")
		}
	})
	t.Run("lists nested 2,000 deep", func(t *testing.T) {
		var body strings.Builder
		for depth := range 2000 {
			fmt.Fprintf(&body, "%s- mức %d\n", strings.Repeat("  ", depth), depth)
		}
		dir := oddSite(t, map[string]string{"content/tin/sau.md": oddArticle("Danh sách sâu", body.String())})
		start := time.Now()
		mustFail(t, dir, os.DirFS(dir), "content/tin/sau.md:105:1: lists and quotes nest more than 100 deep here")
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("refusing took %v", d)
		}
	})
}

func TestDuplicateSlugs(t *testing.T) {
	for _, tc := range []struct{ name, a, b string }{
		{"case", "Bao-Cao.md", "bao-cao.md"},
		{"diacritics", "báo-cáo.md", "bao-cao.md"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := oddSite(t, map[string]string{"content/tin/" + tc.a: oddArticle("A", "a\n"), "content/tin/" + tc.b: oddArticle("B", "b\n")})
			err := mustFail(t, dir, os.DirFS(dir), "content/tin/"+tc.a, "content/tin/"+tc.b, "both make the page /tin/bao-cao/")
			t.Log(err)
		})
	}
}

func TestSymlinkOutOfSite(t *testing.T) {
	outside := t.TempDir()
	secret := "BÍ MẬT bên ngoài site"
	writeFile(t, outside, "secret.md", oddArticle(secret, secret+"\n"))
	writeFile(t, outside, "folder/leak.md", oddArticle(secret, secret+"\n"))
	const escapes = ":1:1: cannot follow this link: path escapes from parent"
	for _, tc := range []struct{ name, link, target, want string }{
		{"file", "content/tin/leak.md", filepath.Join(outside, "secret.md"), "content/tin/leak.md" + escapes},
		{"relative file", "content/tin/leak.md", "", "content/tin/leak.md" + escapes}, // relative to the link's folder
		{"folder", "content/tin/ngoai", filepath.Join(outside, "folder"), "content/tin/ngoai" + escapes},
		{"section folder", "content/ngoai", filepath.Join(outside, "folder"), "content/ngoai" + escapes},
		{"bundle file", "content/tin/b/secret.txt", filepath.Join(outside, "secret.md"), "content/tin/b/secret.txt" + escapes},
		{"folder inside the site", "content/trong", "../khac", "content/trong:1:1: this is a link to a folder"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := oddSite(t, map[string]string{
				"content/tin/a.md": oddArticle("A", "a\n"), "content/tin/b/index.md": oddArticle("B", "b\n"), "khac/x.md": oddArticle("X", "x\n"),
			})
			link := filepath.Join(dir, filepath.FromSlash(tc.link))
			if tc.target == "" {
				rel, err := filepath.Rel(filepath.Dir(link), filepath.Join(outside, "secret.md"))
				must(t, err)
				tc.target = rel
			}
			if err := os.Symlink(tc.target, link); err != nil {
				t.Skip("cannot make a symbolic link:", err)
			}
			root, err := os.OpenRoot(dir)
			must(t, err)
			defer root.Close()
			mustFail(t, dir, root.FS(), tc.want, "copy")
		})
	}
	t.Run("content folder", func(t *testing.T) {
		dir := oddSite(t, nil)
		if err := os.Symlink(filepath.Join(outside, "folder"), filepath.Join(dir, "content")); err != nil {
			t.Skip("cannot make a symbolic link:", err)
		}
		root, err := os.OpenRoot(dir)
		must(t, err)
		defer root.Close()
		mustFail(t, dir, root.FS(), "content: cannot read the content folder: ", "path escapes from parent", "not a link out of it")
	})
	t.Run("file inside the site", func(t *testing.T) {
		dir := oddSite(t, map[string]string{"content/tin/a.md": oddArticle("A", "a\n"), "khac/x.md": oddArticle("Bài liên kết", "x\n")})
		if err := os.Symlink("../../khac/x.md", filepath.Join(dir, "content", "tin", "x.md")); err != nil {
			t.Skip("cannot make a symbolic link:", err)
		}
		root, err := os.OpenRoot(dir)
		must(t, err)
		defer root.Close()
		if _, err := buildFS(t, dir, root.FS()); err != nil {
			t.Fatal(err)
		}
		page, err := os.ReadFile(filepath.Join(dir, "public", "tin", "x", "index.html"))
		if err != nil || !bytes.Contains(page, []byte("Bài liên kết")) {
			t.Errorf("a link to a file inside the site was not built: %v", err)
		}
	})
}
