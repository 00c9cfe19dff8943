package build

import (
	"io/fs"

	"github.com/almanac-news/almanac/internal/bundlefile"
	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/site"
)

// bundleProblems reports the files of p's bundle that a site which does
// not trust its writers (allow_html false) may not publish: web pages,
// server programs, markup and SVG pictures that could run scripts
// (package bundlefile). A site with allow_html = true publishes them as
// they are.
func bundleProblems(fsys fs.FS, cfg site.Config, p *site.Page) []*diag.Problem {
	if cfg.AllowHTML {
		return nil
	}
	var out []*diag.Problem
	for _, r := range p.Resources {
		out = append(out, bundlefile.Check(fsys, r.Source)...)
	}
	return out
}
