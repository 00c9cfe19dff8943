package build

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/almanac-news/almanac"
)

func newTestSession(dir string) *Session {
	return NewSession(Options{Site: os.DirFS(dir), Theme: almanac.Theme(), Now: buildTime})
}

// compareWithFullBuild checks that tree is exactly what a fresh build of dir writes.
func compareWithFullBuild(t *testing.T, dir string, got Tree, step string) {
	t.Helper()
	compareWithBuildAt(t, dir, got, step, buildTime)
}

// compareWithBuildAt is compareWithFullBuild for a full build at now.
func compareWithBuildAt(t *testing.T, dir string, got Tree, step string, now time.Time) {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := Run(context.Background(), Options{Site: os.DirFS(dir), Theme: almanac.Theme(), Dest: dest, Now: now}); err != nil {
		t.Fatalf("%s: full build: %v", step, err)
	}
	compareOutputs(t, step, tree(t, dest), got.Names(), func(name string) ([]byte, bool) {
		b, ok, _ := got.File(name)
		return b, ok
	})
}

// compareOutputs checks that the output whose files are names, read by
// file, is exactly full, the files of a build without reuse.
func compareOutputs(t *testing.T, step string, full map[string][]byte, names []string, file func(string) ([]byte, bool)) {
	t.Helper()
	for name, want := range full {
		if b, ok := file(name); !ok {
			t.Errorf("%s: the build lacks %s", step, name)
		} else if !bytes.Equal(b, want) {
			t.Errorf("%s: %s differs from a full build", step, name)
		}
	}
	for _, name := range names {
		if _, ok := full[name]; !ok {
			t.Errorf("%s: the build has %s, a full build does not", step, name)
		}
	}
}

// files reads every file of a preview's tree.
func files(t *testing.T, tr Tree) map[string][]byte {
	t.Helper()
	out := make(map[string][]byte, tr.Len())
	for _, name := range tr.Names() {
		b, _, err := tr.File(name)
		must(t, err)
		out[name] = b
	}
	return out
}

// edit is one random change to the test site; it returns the paths it touched.
type edit func(t *testing.T, dir string, r *rand.Rand, n int) []string

var edits = []edit{
	// The edits of a body alone, the most common save: the preview takes
	// the last build's plan as it is (lastPlan), and the pages showing the
	// article render again from their signatures.
	func(t *testing.T, dir string, r *rand.Rand, n int) []string { // a sentence at the end of a body
		name := pick(t, dir, r, "content/*/*.md")
		rewrite(t, dir, name, func(s string) string { return s + fmt.Sprintf("\nCâu thêm %d.\n", n) })
		return []string{name}
	},
	func(t *testing.T, dir string, r *rand.Rand, n int) []string { // a body's first paragraph, its summary when none is given
		name := pick(t, dir, r, "content/*/*.md")
		rewrite(t, dir, name, func(s string) string {
			head, body, ok := strings.Cut(s[3:], "\n---\n")
			if !ok {
				return s
			}
			return "---" + head + "\n---\n" + fmt.Sprintf("Mở đầu mới %d.\n\n", n) + body
		})
		return []string{name}
	},
	func(t *testing.T, dir string, r *rand.Rand, n int) []string { // a link in a body, to a page or to nowhere
		name := pick(t, dir, r, "content/*/*.md")
		target := []string{"/cong-thuong/", "/khong-co/", "/tags/"}[r.IntN(3)]
		rewrite(t, dir, name, func(s string) string { return s + fmt.Sprintf("\nXem [trang %d](%s).\n", n, target) })
		return []string{name}
	},
	func(t *testing.T, dir string, r *rand.Rand, n int) []string { // retitle an article
		name := pick(t, dir, r, "content/cong-thuong/*.md")
		rewrite(t, dir, name, func(s string) string {
			return strings.Replace(s, "title: ", fmt.Sprintf("title: Sửa %d ", n), 1)
		})
		return []string{name}
	},
	func(t *testing.T, dir string, r *rand.Rand, n int) []string { // new article, possibly the newest
		name := fmt.Sprintf("content/thi-dua/moi-%d.md", n)
		writeFile(t, dir, name, fmt.Sprintf("---\ntitle: Bài mới %d\ndate: 2020-12-%02dT08:00:00+07:00\ntags: [Mới]\n---\nNội dung %d.\n", n, 1+r.IntN(30), n))
		return []string{name}
	},
	func(t *testing.T, dir string, r *rand.Rand, n int) []string { // delete an article
		name := pick(t, dir, r, "content/*/*.md")
		if strings.HasSuffix(name, "_index.md") {
			return nil
		}
		must(t, os.Remove(filepath.Join(dir, name)))
		return []string{name}
	},
	func(t *testing.T, dir string, r *rand.Rand, n int) []string { // rename (move) an article
		name := pick(t, dir, r, "content/*/*.md")
		if strings.HasSuffix(name, "_index.md") {
			return nil
		}
		to := fmt.Sprintf("content/cong-thuong/doi-ten-%d.md", n)
		must(t, os.Rename(filepath.Join(dir, name), filepath.Join(dir, to)))
		return []string{name, to}
	},
	func(t *testing.T, dir string, r *rand.Rand, n int) []string { // change a date
		name := pick(t, dir, r, "content/cong-thuong/*.md")
		rewrite(t, dir, name, func(s string) string {
			i := strings.Index(s, "date: ")
			if i < 0 {
				return s
			}
			j := strings.Index(s[i:], "\n")
			return s[:i] + fmt.Sprintf("date: 2021-01-%02d 09:00", 1+r.IntN(20)) + s[i+j:]
		})
		return []string{name}
	},
	func(t *testing.T, dir string, r *rand.Rand, n int) []string { // a template of the site's own
		writeFile(t, dir, "layouts/partials/footer.html", fmt.Sprintf("<footer><p>Chân trang %d {{.Site.Config.Title}}</p></footer>", n))
		return []string{"layouts/partials/footer.html"}
	},
	func(t *testing.T, dir string, r *rand.Rand, n int) []string { // a stylesheet of the site's own
		writeFile(t, dir, "assets/css/extra.css", fmt.Sprintf("body { margin: %dpx }\n", n))
		return []string{"assets/css/extra.css"}
	},
	func(t *testing.T, dir string, r *rand.Rand, n int) []string { // the configuration
		rewrite(t, dir, "almanac.toml", func(s string) string {
			return strings.Replace(s, "page_size = ", fmt.Sprintf("page_size = %d #", 1+r.IntN(3)), 1)
		})
		return []string{"almanac.toml"}
	},
	func(t *testing.T, dir string, r *rand.Rand, n int) []string { // a section's intro
		rewrite(t, dir, "content/cong-thuong/_index.md", func(s string) string { return s + fmt.Sprintf("\nThêm %d.\n", n) })
		return []string{"content/cong-thuong/_index.md"}
	},
	func(t *testing.T, dir string, r *rand.Rand, n int) []string { // a file of a bundle
		name := "content/cong-thuong/tong-ket-2020/anh-bia.svg"
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			return nil
		}
		writeFile(t, dir, name, fmt.Sprintf("<svg xmlns=\"http://www.w3.org/2000/svg\"><title>%d</title></svg>", n))
		return []string{name}
	},
	func(t *testing.T, dir string, r *rand.Rand, n int) []string { // a JPEG lead picture, new or replaced
		bundle := "content/cong-thuong/tong-ket-2020/"
		if _, err := os.Stat(filepath.Join(dir, bundle+"index.md")); err != nil {
			return nil
		}
		w := 300 + r.IntN(1500)
		writeFile(t, dir, bundle+"anh.jpg", jpegPicture(t, w, 1+w*9/16))
		rewrite(t, dir, bundle+"index.md", func(s string) string { return strings.Replace(s, "src: anh-bia.svg", "src: anh.jpg", 1) })
		return []string{bundle + "anh.jpg", bundle + "index.md"}
	},
}

func pick(t *testing.T, dir string, r *rand.Rand, pattern string) string {
	matches, _ := filepath.Glob(filepath.Join(dir, pattern))
	if len(matches) == 0 {
		return ""
	}
	rel, _ := filepath.Rel(dir, matches[r.IntN(len(matches))])
	return filepath.ToSlash(rel)
}

func rewrite(t *testing.T, dir, name string, fn func(string) string) {
	if name == "" {
		return
	}
	b, err := os.ReadFile(filepath.Join(dir, name))
	must(t, err)
	writeFile(t, dir, name, fn(string(b)))
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestIncrementalBuildsEqualFullBuilds(t *testing.T) {
	for seed := range uint64(8) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			dir := extract(t, "basic.txtar")
			writeFile(t, dir, "layouts/partials/footer.html", "<footer>{{.Site.Config.Title}}</footer>")
			s := newTestSession(dir)
			tree, _, _, err := s.Build(context.Background(), nil, true)
			must(t, err)
			compareWithFullBuild(t, dir, tree, "first build")
			r := rand.New(rand.NewPCG(seed, 2026))
			for n := range 15 {
				i := r.IntN(len(edits))
				changed := slices.DeleteFunc(edits[i](t, dir, r, n), func(s string) bool { return s == "" })
				tree, _, _, err = s.Build(context.Background(), changed, false)
				must(t, err)
				compareWithFullBuild(t, dir, tree, fmt.Sprintf("step %d (edit %d on %v)", n, i, changed))
			}
		})
	}
}

func TestIncrementalBuildRendersOnlyWhatChanged(t *testing.T) {
	dir := extract(t, "basic.txtar")
	s := newTestSession(dir)
	_, _, first, err := s.Build(context.Background(), nil, true)
	must(t, err)
	name := "content/cong-thuong/xuat-khau.md"
	rewrite(t, dir, name, func(s string) string { return strings.Replace(s, "Kim ngạch", "Kim ngạch xuất khẩu", 1) })
	_, change, _, err := s.Build(context.Background(), []string{name}, false)
	must(t, err)
	// The article, the articles that list it under "more", its section's
	// list pages, the home page and the 404 page; not the other section.
	if change.Rendered >= first.Pages {
		t.Errorf("rendered %d of %d pages again", change.Rendered, first.Pages)
	}
	if slices.Contains(change.Paths, "thi-dua/khen-thuong/index.html") {
		t.Error("an article of another section was rendered again")
	}
	if !slices.Contains(change.Paths, "cong-thuong/xuat-khau/index.html") {
		t.Errorf("changed paths %v lack the article", change.Paths)
	}
	writeFile(t, dir, "assets/css/main.css", "body { color: red }\n")
	_, change, _, err = s.Build(context.Background(), []string{"assets/css/main.css"}, false)
	must(t, err)
	if change.CSSOnly {
		t.Error("a new stylesheet name changes every page: not CSS-only")
	}
}

func TestSessionKeepsCachesAcrossErrors(t *testing.T) {
	dir := extract(t, "basic.txtar")
	s := newTestSession(dir)
	_, _, first, err := s.Build(context.Background(), nil, true)
	must(t, err)
	name := "content/cong-thuong/xuat-khau.md"
	writeFile(t, dir, name, "---\ntitle: [hỏng\n---\n")
	if _, _, _, err := s.Build(context.Background(), []string{name}, false); err == nil || !strings.Contains(err.Error(), name+":2:") {
		t.Fatalf("err = %v, want the YAML error at line 2", err)
	}
	writeFile(t, dir, name, "---\ntitle: Đã sửa\ndate: 2020-12-29\n---\nXong.\n")
	tree, change, _, err := s.Build(context.Background(), []string{name}, false)
	must(t, err)
	if change.Rendered >= first.Pages {
		t.Errorf("the fix rendered all %d pages", change.Rendered)
	}
	compareWithFullBuild(t, dir, tree, "after the fix")
}

// chartArticle is an article whose chart reads data/xnk.csv.
const chartArticle = "---\ntitle: Xuất nhập khẩu\ndate: 2020-12-28\n%s---\nSố liệu.\n\n```chart\ntype: column\ntitle: XNK\ndata: xnk.csv\n```\n"

func TestSessionForgetsFixedErrorsAndDrafts(t *testing.T) {
	dir := extract(t, "basic.txtar")
	writeFile(t, dir, "content/thi-dua/nhap-xnk.md", fmt.Sprintf(chartArticle, "draft: true\n"))
	s := newTestSession(dir)
	tree, _, _, err := s.Build(context.Background(), nil, true)
	must(t, err) // a draft is not rendered, so its missing data is no error, as in a full build
	compareWithFullBuild(t, dir, tree, "with a draft whose chart has no data")

	writeFile(t, dir, "content/thi-dua/xnk.md", fmt.Sprintf(chartArticle, ""))
	if _, _, _, err := s.Build(context.Background(), []string{"content/thi-dua/xnk.md"}, false); err == nil ||
		!strings.Contains(err.Error(), "xnk.csv") {
		t.Fatalf("err = %v, want the missing CSV file", err)
	}
	writeFile(t, dir, "data/xnk.csv", "Năm,Xuất khẩu,Nhập khẩu\n2019,1719,1589\n2020,1456,1246\n")
	tree, _, res, err := s.Build(context.Background(), []string{"data/xnk.csv"}, false)
	must(t, err)
	compareWithFullBuild(t, dir, tree, "after adding the CSV file")
	warnings := len(res.Warnings)
	for range 2 {
		_, _, res, err = s.Build(context.Background(), []string{"layouts"}, false)
		must(t, err)
		if len(res.Warnings) != warnings {
			t.Fatalf("warnings went from %d to %d on a rebuild", warnings, len(res.Warnings))
		}
	}
}

func TestSessionMastheadFollowsNewestArticle(t *testing.T) {
	dir := extract(t, "basic.txtar")
	writeFile(t, dir, "content/phap-ly.md", "---\ntitle: Pháp lý\ndate: 2020-12-31T23:00:00+07:00\n---\nTrang.\n")
	s := newTestSession(dir)
	_, _, _, err := s.Build(context.Background(), nil, true)
	must(t, err)
	name := "content/thi-dua/khen-thuong.md"
	rewrite(t, dir, name, func(s string) string { return strings.Replace(s, "2020-12-30T16:00:00", "2020-12-31T10:00:00", 1) })
	tree, _, _, err := s.Build(context.Background(), []string{name}, false)
	must(t, err)
	compareWithFullBuild(t, dir, tree, "after redating the newest article")
}

// TestBodyEditKeepsThePlan: a save that changes only an article's body
// takes the last build's plan as it is, and renders the article and the
// pages that show it, with the new text; a save that changes its title
// plans again. Both equal a full build.
func TestBodyEditKeepsThePlan(t *testing.T) {
	dir := extract(t, "basic.txtar")
	s := newTestSession(dir)
	_, _, _, err := s.Build(context.Background(), nil, true)
	must(t, err)
	name := pick(t, dir, rand.New(rand.NewPCG(1, 1)), "content/cong-thuong/*.md")
	planned := &s.plan.outputs[0]
	rewrite(t, dir, name, func(s string) string { return s + "\nĐoạn mới về sản lượng điện.\n" })
	tree, change, res, err := s.Build(context.Background(), []string{name}, false)
	must(t, err)
	if &s.plan.outputs[0] != planned {
		t.Error("a body edit planned the site again")
	}
	if change.Rendered == 0 || change.Rendered >= res.Pages {
		t.Errorf("a body edit rendered %d of %d pages", change.Rendered, res.Pages)
	}
	found := false
	for _, path := range tree.Names() {
		if b, _, _ := tree.File(path); strings.HasSuffix(path, ".html") && strings.Contains(string(b), "Đoạn mới về sản lượng điện.") {
			found = true
		}
	}
	if !found {
		t.Error("no page shows the new paragraph")
	}
	compareWithFullBuild(t, dir, tree, "body edit")
	rewrite(t, dir, name, func(s string) string { return strings.Replace(s, "title: ", "title: Mới - ", 1) })
	tree, _, _, err = s.Build(context.Background(), []string{name}, false)
	must(t, err)
	if &s.plan.outputs[0] == planned {
		t.Error("a title edit kept the old plan")
	}
	compareWithFullBuild(t, dir, tree, "title edit")
}

// editStep is one edit of a site's file: edit gives its new text from
// the old ("" for a file that is not there yet); nil removes the file.
type editStep struct {
	name string
	edit func(string) string // nil: the file is removed; given "" for a new file
}

func (st editStep) apply(t *testing.T, dir string) {
	t.Helper()
	file := filepath.Join(dir, filepath.FromSlash(st.name))
	_, statErr := os.Stat(file)
	switch {
	case st.edit == nil:
		must(t, os.Remove(file))
	case statErr != nil:
		must(t, os.WriteFile(file, []byte(st.edit("")), 0o644))
	default:
		rewrite(t, dir, st.name, st.edit)
	}
}

// replayEdits builds dir in a session, then makes each edit and builds
// again, comparing every tree with a full build's; after, when not nil,
// checks the tree of step i (from 0).
func replayEdits(t *testing.T, dir string, steps []editStep, after func(i int, tree Tree)) Tree {
	t.Helper()
	s := newTestSession(dir)
	tree, _, _, err := s.Build(context.Background(), nil, true)
	must(t, err)
	compareWithFullBuild(t, dir, tree, "first build")
	for i, st := range steps {
		st.apply(t, dir)
		tree, _, _, err = s.Build(context.Background(), []string{st.name}, false)
		must(t, err)
		compareWithFullBuild(t, dir, tree, st.name+" step "+string(rune('1'+i)))
		if after != nil {
			after(i, tree)
		}
	}
	return tree
}
