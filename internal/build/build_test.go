package build

import (
	"bytes"
	"context"
	"errors"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/almanac-news/almanac"
	"github.com/almanac-news/almanac/internal/diag"
)

// extract writes a txtar archive from testdata into a new temporary site folder.
func extract(t *testing.T, name string) string {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		writeFile(t, dir, f.Name, string(f.Data))
	}
	return dir
}

func writeFile(t *testing.T, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

var buildTime = time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)

func buildSite(dir string) (*Result, error) {
	return Run(context.Background(), Options{Site: os.DirFS(dir), Theme: almanac.Theme(), Dest: filepath.Join(dir, "public"), Now: buildTime})
}

// tree reads every file under dir into a map keyed by slash path.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestBuildWritesWholeSite(t *testing.T) {
	dir := extract(t, "basic.txtar")
	res, err := buildSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := tree(t, filepath.Join(dir, "public"))
	for _, want := range []string{
		"index.html", "404.html", "gioi-thieu/index.html",
		"cong-thuong/index.html", "cong-thuong/page/2/index.html",
		"cong-thuong/tong-ket-2020/index.html", "cong-thuong/tong-ket-2020/anh-bia.svg",
		"cong-thuong/muc-tieu-2021/index.html", "cong-thuong/xuat-khau/index.html",
		"thi-dua/index.html", "thi-dua/khen-thuong/index.html",
	} {
		if _, ok := files[want]; !ok {
			t.Errorf("public/%s missing", want)
		}
	}
	if _, ok := files["thi-dua/nhap/index.html"]; ok {
		t.Error("the draft was published")
	}
	if res.Sections != 2 || len(res.Skipped) != 1 {
		t.Errorf("result %+v", res)
	}
	article := html.UnescapeString(string(files["cong-thuong/tong-ket-2020/index.html"]))
	for _, want := range []string{
		"Ngành Công Thương tổng kết năm 2020", "Thứ Tư, 30/12/2020, 15:01 (GMT+7)", "Khắc Duẩn",
		`id="ket-qua-nam-2020"`, "<table>", `src="/cong-thuong/tong-ket-2020/anh-bia.svg"`, "Minh hoạ nhà máy",
	} {
		if !strings.Contains(article, want) {
			t.Errorf("article lacks %q", want)
		}
	}
	var css string
	for name := range files {
		if strings.HasPrefix(name, "assets/css/main.") {
			css = name
		}
	}
	if css == "" || !strings.Contains(article, `href="/`+css+`"`) {
		t.Errorf("article does not link the hashed stylesheet %q", css)
	}
}

func TestBuildIsReproducible(t *testing.T) {
	dir := extract(t, "basic.txtar")
	if _, err := buildSite(dir); err != nil {
		t.Fatal(err)
	}
	first := tree(t, filepath.Join(dir, "public"))
	if _, err := buildSite(dir); err != nil {
		t.Fatal(err)
	}
	second := tree(t, filepath.Join(dir, "public"))
	if len(first) != len(second) {
		t.Fatalf("%d files, then %d", len(first), len(second))
	}
	for name, data := range first {
		if !bytes.Equal(data, second[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

func TestRemovedArticleDisappears(t *testing.T) {
	dir := extract(t, "basic.txtar")
	if _, err := buildSite(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(dir, "content", "cong-thuong", "tong-ket-2020")); err != nil {
		t.Fatal(err)
	}
	if _, err := buildSite(dir); err != nil {
		t.Fatal(err)
	}
	files := tree(t, filepath.Join(dir, "public"))
	for name := range files {
		if strings.HasPrefix(name, "cong-thuong/tong-ket-2020/") {
			t.Errorf("%s survived its article", name)
		}
	}
	if bytes.Contains(files["index.html"], []byte("tong-ket-2020")) {
		t.Error("home page still links the removed article")
	}
}

func TestFailedBuildKeepsPreviousOutput(t *testing.T) {
	dir := extract(t, "basic.txtar")
	if _, err := buildSite(dir); err != nil {
		t.Fatal(err)
	}
	before := tree(t, filepath.Join(dir, "public"))
	writeFile(t, dir, "content/cong-thuong/hong.md", "---\ntitle: Hỏng\ndate: 2020-12-30\ntags: [a, b\n---\nBody\n")
	writeFile(t, dir, "content/thi-dua/khong-ngay.md", "---\ntitle: Không ngày\n---\n")
	_, err := buildSite(dir)
	if !errors.Is(err, ErrContent) {
		t.Fatalf("err = %v, want a content error", err)
	}
	var problems diag.Errors
	if !errors.As(err, &problems) || len(problems) != 2 {
		t.Fatalf("want both errors reported, got %v", err)
	}
	if !strings.Contains(err.Error(), "content/cong-thuong/hong.md:4:") || !strings.Contains(err.Error(), "content/thi-dua/khong-ngay.md:2:1: the article has no date") {
		t.Errorf("error lacks positions:\n%v", err)
	}
	after := tree(t, filepath.Join(dir, "public"))
	if len(before) != len(after) {
		t.Fatalf("public/ changed: %d files, then %d", len(before), len(after))
	}
	for name, data := range before {
		if !bytes.Equal(data, after[name]) {
			t.Errorf("public/%s changed after a failed build", name)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".public.*"))
	if len(leftovers) != 0 {
		t.Errorf("staging folders left behind: %v", leftovers)
	}
}

func TestBuildErrors(t *testing.T) {
	for _, tc := range []struct {
		name, file, data, want string
	}{
		{"unknown layout", "content/cong-thuong/a.md", "---\ntitle: A\ndate: 2020-01-01\nlayout: khong-co\n---\n", "content/cong-thuong/a.md:4"},
		{"template error", "layouts/article.html", "{{define \"main\"}}{{.Nope}\n{{end}}", "layouts/article.html:1"},
		{"config unknown key", "almanac.toml", "titel = \"x\"\n", "almanac.toml:1:1: unknown key \"titel\""},
		{"invalid utf8", "content/cong-thuong/b.md", "---\ntitle: B\xfe\ndate: 2020-01-01\n---\n", "content/cong-thuong/b.md:2:9: the file is not valid UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := extract(t, "basic.txtar")
			writeFile(t, dir, tc.file, tc.data)
			_, err := buildSite(dir)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
			if _, statErr := os.Stat(filepath.Join(dir, "public")); !errors.Is(statErr, fs.ErrNotExist) {
				t.Error("a failed first build created public/")
			}
		})
	}
}

func TestPageAtAnImpliedSectionsURL(t *testing.T) {
	dir := extract(t, "basic.txtar")
	writeFile(t, dir, "content/thi-dua.md", "---\ntitle: Thi đua\n---\nTrang.\n")
	_, err := buildSite(dir)
	if err == nil || !strings.Contains(err.Error(), "content/thi-dua.md: this page is published at /thi-dua/, the list of the section content/thi-dua/") {
		t.Fatalf("err = %v", err)
	}
}
