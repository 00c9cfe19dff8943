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
// them), and reports the problems of every page's picture. Pages the
// build left alone keep their sized picture; a changed bundle file makes
// its page parsed and rendered again (forgetContent), so sized again.
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
		}
	}
	parallel.For(len(todo), func(i int) {
		e := todo[i]
		files, key, problem := sizeLeadImage(s.opts.Site, e.page, s.images)
		if problem == nil {
			problem = audioProblem(s.opts.Site, e.page)
		}
		e.image, e.sized = nil, e.page
		if key != (imageKey{}) || files != nil || problem != nil { // most pages have no lead picture
			e.image = &entryImage{key: key, files: files, problem: problem}
		}
		problems.Add(problem)
	})
	for _, e := range todo {
		if e.image != nil {
			keep[e.image.key] = true
		}
	}
	s.images.retain(keep)
}
