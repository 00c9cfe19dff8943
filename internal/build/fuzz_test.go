package build

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/almanac-news/almanac"
	"github.com/almanac-news/almanac/internal/diag"
)

// FuzzBuildOneArticle builds a site of one article with any text: the
// build must not panic, must fail only with positioned problems, and must
// write nothing outside its destination.
func FuzzBuildOneArticle(f *testing.F) {
	for _, seed := range []string{
		"---\ntitle: A\ndate: 2020-12-30\n---\nBody with a [link](/x/) and a table:\n\n| a | b |\n| - | - |\n| 1 | 2 |\n",
		"---\ntitle: \"</script><script>alert(1)</script>\"\ndate: 2020-12-30\nslug: ../../x\n---\n",
		"---\ntitle: A\ndate: 2020-12-30\nimage: {src: /../../etc/passwd, alt: x}\n---\n",
		"---\ntitle: A\ndate: 2020-12-30\n---\n```chart\nid: x\n```\n",
		"---\ntitle: A\ndate: 2020-12-30\n---\n" + strings.Repeat("- ", 200) + "deep\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, article string) {
		dir := t.TempDir()
		site := filepath.Join(dir, "site")
		writeFile(t, site, "content/s/a.md", article)
		dest := filepath.Join(dir, "out", "public")
		_, err := Run(context.Background(), Options{Site: os.DirFS(site), Theme: almanac.Theme(), Dest: dest, Now: buildTime})
		var problems diag.Errors
		if err != nil && errors.As(err, &problems) {
			for _, p := range problems {
				if p.Pos.File == "" {
					t.Errorf("problem without a file: %v", p)
				}
			}
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if e.Name() != "site" && e.Name() != "out" {
				t.Errorf("the build wrote %s outside its destination", e.Name())
			}
		}
		_ = filepath.WalkDir(filepath.Join(dir, "out"), func(p string, d fs.DirEntry, err error) error {
			if err == nil && p != filepath.Join(dir, "out") && !strings.HasPrefix(p, dest) {
				t.Errorf("the build wrote %s beside its destination", p)
			}
			return nil
		})
	})
}
