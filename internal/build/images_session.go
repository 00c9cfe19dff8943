package build

import (
	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/parallel"
)

// entryImage is what sizing the lead picture of one rendered page gave.
type entryImage struct {
	key     imageKey
	files   []generatedFile // the picture's smaller copies
	problem *diag.Problem
	bundle  []*diag.Problem // the bundle files it may not publish: bundleProblems
}

// copies are the picture's smaller copies; none without a picture.
func (i *entryImage) copies() []generatedFile {
	if i == nil {
		return nil
	}
	return i.files
}

// sizeImages sizes the lead pictures of the pages rendered since the last
// build, once their bundle files are known (parse.Content.Assemble lists
// them), checks their bundle files (bundleProblems), and reports the
// problems of every page's picture and bundle. Pages the build left alone
// keep their sized picture and checked bundle; a changed bundle file
// makes its page parsed and rendered again (forgetContent), so sized and
// checked again.
func (s *Session) sizeImages(problems *diag.List) {
	var todo []*entryCache
	keep := map[imageKey]bool{}
	for _, e := range s.entries {
		switch {
		case e.page == nil:
		case e.sized != e.page:
			todo = append(todo, e)
		case e.image != nil:
			keep[e.image.key] = true
			problems.Add(e.image.problem)
			problems.Add(e.image.bundle...)
		}
	}
	parallel.For(len(todo), func(i int) {
		e := todo[i]
		files, key, problem := sizeLeadImage(s.opts.Site, e.page, s.images)
		if problem == nil {
			problem = audioProblem(s.opts.Site, e.page)
		}
		bundle := bundleProblems(s.opts.Site, s.cfg, e.page)
		e.image, e.sized = nil, e.page
		if key != (imageKey{}) || files != nil || problem != nil || bundle != nil { // most pages have no lead picture
			e.image = &entryImage{key: key, files: files, problem: problem, bundle: bundle}
		}
		problems.Add(problem)
		problems.Add(bundle...)
	})
	for _, e := range todo {
		if e.image != nil {
			keep[e.image.key] = true
		}
	}
	s.images.retain(keep)
}
