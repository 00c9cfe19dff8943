package build

import (
	"io/fs"
	"net/url"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/markdown"
	"github.com/almanac-news/almanac/internal/site"
)

// bodyPictures sizes the pictures of one page body that are files of its
// bundle, as sizeLeadImage sizes the lead picture: their width and height,
// and their smaller copies for srcset. It is used by one goroutine, for
// the page's conversions (the page's and the feed's).
type bodyPictures struct {
	fsys     fs.FS
	page     *site.Page
	cache    *imageCache
	finder   *linkFinder                  // places the problems of a picture in the Markdown
	sized    map[string]*markdown.Picture // by destination as written; nil: not a picture of the bundle
	files    []generatedFile              // the copies to write
	problems []*diag.Problem
}

func newBodyPictures(fsys fs.FS, p *site.Page, cache *imageCache) *bodyPictures {
	return &bodyPictures{fsys: fsys, page: p, cache: cache, sized: map[string]*markdown.Picture{},
		finder: &linkFinder{file: p.Source, body: markdownBody{text: p.Body, line: p.BodyLine}, next: map[string]int{}}}
}

// picture is a markdown.Page's Picture: what the build knows of the
// picture at dest, written as in the Markdown.
func (b *bodyPictures) picture(dest string) (markdown.Picture, bool) {
	pic, done := b.sized[dest]
	if !done {
		pic = b.size(dest)
		b.sized[dest] = pic
	}
	if pic == nil {
		return markdown.Picture{}, false
	}
	return *pic, true
}

// size measures the bundle file at dest and makes its copies; nil when
// dest is no file of the page's bundle or cannot be read as a picture,
// which it reports.
func (b *bodyPictures) size(dest string) *markdown.Picture {
	r := b.resource(dest)
	if r == nil {
		return nil
	}
	data, err := fs.ReadFile(b.fsys, r.Source)
	if err != nil {
		b.problems = append(b.problems, diag.Errorf(b.finder.find(dest), "picture file %q cannot be read: %v", r.Name, err).
			WithHint("check that the file is readable"))
		return nil
	}
	set, _, err := b.cache.set(r.Name, data)
	if err != nil {
		problem := unreadableImage(b.page, r.Name, err)
		problem.Pos = b.finder.find(dest)
		b.problems = append(b.problems, problem)
		return nil
	}
	pic := &markdown.Picture{Width: set.Width, Height: set.Height}
	var files []generatedFile
	files, pic.Srcset = imageCopies(b.page, r, set)
	if lead := leadImageFile(b.page); lead == nil || lead.URL != r.URL {
		b.files = append(b.files, files...) // the lead picture's copies are written by sizeLeadImage
	}
	return pic
}

// resource returns the bundle file a picture's destination names, if any.
func (b *bodyPictures) resource(dest string) *site.Resource {
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" {
		return nil
	}
	target := (&url.URL{Path: b.page.URL}).ResolveReference(&url.URL{Path: u.Path}).Path
	for i := range b.page.Resources {
		if b.page.Resources[i].URL == target {
			return &b.page.Resources[i]
		}
	}
	return nil
}
