package build

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/almanac-news/almanac"
	"github.com/almanac-news/almanac/internal/diag"
)

// linkWarnings are the problems of testdata/links.txtar, at their places
// in the Markdown.
var linkWarnings = []string{
	"content/tin/bao-cao/index.md:5:42: link to /tin/bai-cu/ leads to no page or file of the site",
	"content/tin/bao-cao/index.md:7:12: picture bieu-do.png (/tin/bao-cao/bieu-do.png) is not a file of the site",
}

// placed lists problems as file:line:col: message, with their severities.
func placed(ps []*diag.Problem, want diag.Severity) []string {
	var out []string
	for _, p := range ps {
		if p.Severity == want {
			out = append(out, p.Pos.String()+": "+p.Msg)
		}
	}
	return out
}

func TestBuildWarnsAboutBrokenLinksAndPictures(t *testing.T) {
	dir := extract(t, "links.txtar")
	res, err := buildSite(dir)
	if err != nil {
		t.Fatalf("a broken link failed the build: %v", err)
	}
	if got := placed(res.Warnings, diag.SeverityWarning); !slices.Equal(got, linkWarnings) {
		t.Errorf("warnings\n%q\nwant\n%q", got, linkWarnings)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "tin", "bao-cao", "index.html")); err != nil {
		t.Errorf("the page with the broken link was not written: %v", err)
	}
}

func TestStrictBuildFailsOnBrokenLinks(t *testing.T) {
	dir := extract(t, "links.txtar")
	dest := filepath.Join(dir, "public")
	_, err := Run(context.Background(), Options{Site: os.DirFS(dir), Theme: almanac.Theme(), Dest: dest, Now: buildTime, Strict: true})
	var ce *ContentError
	if !errors.Is(err, ErrStrict) || !errors.As(err, &ce) {
		t.Fatalf("strict build: %v, want ErrStrict", err)
	}
	if got := placed(ce.Warnings, diag.SeverityWarning); !slices.Equal(got, linkWarnings) {
		t.Errorf("warnings\n%q\nwant\n%q", got, linkWarnings)
	}
	if _, err := os.Stat(dest); !os.IsNotExist(err) {
		t.Errorf("a failed strict build wrote %s: %v", dest, err)
	}
}

func TestPreviewWarnsAboutBrokenLinks(t *testing.T) {
	dir := extract(t, "links.txtar")
	s := newTestSession(dir)
	_, _, res, err := s.Build(context.Background(), nil, true)
	must(t, err)
	if got := placed(res.Warnings, diag.SeverityWarning); !slices.Equal(got, linkWarnings) {
		t.Errorf("first build's warnings\n%q\nwant\n%q", got, linkWarnings)
	}
	// An unchanged page's link breaks when the page it leads to goes,
	// and works again when it comes back.
	good := filepath.Join(dir, "content", "tin", "bai-tot.md")
	text, err := os.ReadFile(good)
	must(t, err)
	must(t, os.Remove(good))
	_, _, res, err = s.Build(context.Background(), []string{"content/tin/bai-tot.md"}, false)
	must(t, err)
	gone := "content/tin/bao-cao/index.md:5:15: link to /tin/bai-tot/ leads to no page or file of the site"
	if got := placed(res.Warnings, diag.SeverityWarning); !slices.Equal(got, append([]string{gone}, linkWarnings...)) {
		t.Errorf("warnings once bai-tot.md is gone\n%q", got)
	}
	must(t, os.WriteFile(good, text, 0o644))
	_, _, res, err = s.Build(context.Background(), []string{"content/tin/bai-tot.md"}, false)
	must(t, err)
	if got := placed(res.Warnings, diag.SeverityWarning); !slices.Equal(got, linkWarnings) {
		t.Errorf("warnings once bai-tot.md is back\n%q\nwant\n%q", got, linkWarnings)
	}
}

func TestCheckReportsBrokenLinksAsErrors(t *testing.T) {
	res := checkSite(t, extract(t, "links.txtar"), false, false)
	if got := placed(res.Problems, diag.SeverityError); !slices.Equal(got, linkWarnings) {
		t.Errorf("errors\n%q\nwant\n%q", got, linkWarnings)
	}
	if ws := res.Warnings(); len(ws) > 0 {
		t.Errorf("warnings %v", ws)
	}
}

// TestIncrementalLinkWarningsEqualFullBuilds runs the random edits of
// TestIncrementalBuildsEqualFullBuilds, which delete and move articles
// that others link to, and compares each rebuild's warnings with a full
// build's.
func TestIncrementalLinkWarningsEqualFullBuilds(t *testing.T) {
	for seed := range uint64(4) {
		dir := extract(t, "basic.txtar")
		// A page the edits leave alone links to each article and to
		// pictures of a bundle, some of which the edits delete or move.
		writeFile(t, dir, "content/lien-ket.md", "---\ntitle: Liên kết\n---\n"+
			"[1](/cong-thuong/muc-tieu-2021/) [2](/cong-thuong/xuat-khau/) [3](../thi-dua/khen-thuong/)\n"+
			"[4](/thi-dua/nhap/) [5](/cong-thuong/tong-ket-2020/) ![6](/cong-thuong/tong-ket-2020/anh.jpg)\n"+
			"![7](/cong-thuong/tong-ket-2020/anh-bia.svg) [8](/thi-dua/moi-3/) [9](/cong-thuong/doi-ten-5/)\n")
		s := newTestSession(dir)
		_, _, res, err := s.Build(context.Background(), nil, true)
		must(t, err)
		if len(res.Warnings) == 0 {
			t.Fatal("no warnings to compare")
		}
		compareWarnings(t, dir, res, "first build")
		r := rand.New(rand.NewPCG(seed, 2027))
		for n := range 12 {
			i := r.IntN(len(edits))
			changed := slices.DeleteFunc(edits[i](t, dir, r, n), func(s string) bool { return s == "" })
			_, _, res, err = s.Build(context.Background(), changed, false)
			must(t, err)
			compareWarnings(t, dir, res, fmt.Sprintf("seed %d step %d (edit %d on %v)", seed, n, i, changed))
		}
	}
}

func compareWarnings(t *testing.T, dir string, incremental *Result, step string) {
	t.Helper()
	full, err := Run(context.Background(), Options{Site: os.DirFS(dir), Theme: almanac.Theme(), Dest: filepath.Join(t.TempDir(), "public"), Now: buildTime})
	must(t, err)
	got, want := placed(incremental.Warnings, diag.SeverityWarning), placed(full.Warnings, diag.SeverityWarning)
	if !slices.Equal(got, want) {
		t.Errorf("%s: the preview warns\n%q\na full build\n%q", step, got, want)
	}
}

// A reference link used three times is reported three times at its
// definition's line, where it is mended, not at the body's first line.
func TestReusedReferenceLinkIsPlacedAtItsDefinition(t *testing.T) {
	dir := extract(t, "links.txtar")
	writeFile(t, dir, "content/tin/tham-khao.md", "---\ntitle: Tham khảo\ndate: 2020-12-29\n---\nĐọc [một][] bài.\n\nLại [một][] lần nữa, và [một][].\n\n[một]: /tin/khong-co/\n")
	res, err := buildSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range placed(res.Warnings, diag.SeverityWarning) {
		if strings.HasPrefix(p, "content/tin/tham-khao.md") {
			got = append(got, p)
		}
	}
	const at = "content/tin/tham-khao.md:9:8: link to /tin/khong-co/ leads to no page or file of the site"
	if !slices.Equal(got, []string{at, at, at}) {
		t.Errorf("got %q, want three times %q", got, at)
	}
}
