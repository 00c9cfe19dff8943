package render

import (
	"cmp"
	"slices"
	"time"

	"github.com/almanac-news/almanac/internal/parallel"
	"github.com/almanac-news/almanac/internal/site"
)

const (
	relatedCount = 4 // related articles an article shows
	// relatedWindow is how many articles of each of its tags an article
	// looks at on either side in date, so that choosing its related
	// articles costs the same however many articles a tag has.
	relatedWindow = 30
	// relatedChunk is how many articles one step of the worker pool
	// chooses for.
	relatedChunk = 256
)

// tagIndex is an inverted index of the articles' tags: each tag's
// articles newest first, and each article's distinct tags with its place
// in their lists. Articles are numbered by their place in the site's
// newest-first list.
type tagIndex struct {
	lists [][]int32 // by tag: the articles having it, newest first
	// tags holds each article's distinct tags, in the order written, from
	// tags[from[n]] to tags[from[n+1]] for article n.
	tags []tagAt
	from []int32
	// age is, by article, how long before the newest article it was
	// published (at most about 292 years: time.Duration's range).
	age   []time.Duration
	pages []*site.Page
}

// tagAt is one tag of an article and the article's place in its list.
type tagAt struct{ tag, at int32 }

func newTagIndex(articles []*site.Page) *tagIndex {
	ix := &tagIndex{from: make([]int32, 0, len(articles)+1), age: make([]time.Duration, len(articles)), pages: articles}
	ids := map[string]int32{}
	for n, p := range articles {
		ix.from = append(ix.from, int32(len(ix.tags)))
		ix.age[n] = articles[0].Date.Sub(p.Date)
		for _, t := range p.Tags {
			id, ok := ids[t.Slug]
			if !ok {
				id = int32(len(ix.lists))
				ids[t.Slug] = id
				ix.lists = append(ix.lists, nil)
			}
			if list := ix.lists[id]; len(list) > 0 && list[len(list)-1] == int32(n) {
				continue // the same tag written twice
			}
			ix.tags = append(ix.tags, tagAt{id, int32(len(ix.lists[id]))})
			ix.lists[id] = append(ix.lists[id], int32(n))
		}
	}
	ix.from = append(ix.from, int32(len(ix.tags)))
	return ix
}

// tagsOf returns the distinct tags of article n.
func (ix *tagIndex) tagsOf(n int32) []tagAt { return ix.tags[ix.from[n]:ix.from[n+1]] }

// relatedOfAll returns the related articles of each of articles (the
// site's articles, newest first), in the same order, choosing on every
// core. See relatedOf for the rule.
func relatedOfAll(articles []*site.Page) [][]*site.Page {
	ix := newTagIndex(articles)
	related := make([][]*site.Page, len(articles))
	all := make([]*site.Page, len(articles)*relatedCount) // one allocation for every list
	chunks := (len(articles) + relatedChunk - 1) / relatedChunk
	parallel.For(chunks, func(c int) {
		for n := c * relatedChunk; n < min((c+1)*relatedChunk, len(articles)); n++ {
			related[n] = ix.relatedOf(int32(n), all[n*relatedCount:n*relatedCount:(n+1)*relatedCount])
		}
	})
	return related
}

// candidate is an article sharing score tags with the article at hand,
// published gap away from it.
type candidate struct {
	n     int32
	score int
	gap   time.Duration
}

// relatedOf returns up to relatedCount articles related to article n:
// among the relatedWindow articles on either side of n in each of its
// tags' lists, those sharing the most tags with n, then the nearest in
// date, then the newest. It appends them to dst, which is returned with
// no spare capacity.
func (ix *tagIndex) relatedOf(n int32, dst []*site.Page) []*site.Page {
	var best [relatedCount]candidate
	found := 0
	mine := ix.tagsOf(n)
	for _, t := range mine {
		list := ix.lists[t.tag]
		for i := max(0, int(t.at)-relatedWindow); i < min(len(list), int(t.at)+relatedWindow+1); i++ {
			if other := list[i]; other != n {
				found = keepBest(best[:], found, candidate{n: other,
					score: sharedTags(mine, ix.tagsOf(other)), gap: (ix.age[other] - ix.age[n]).Abs()})
			}
		}
	}
	if found == 0 {
		return nil
	}
	for _, c := range best[:found] {
		dst = append(dst, ix.pages[c.n])
	}
	return slices.Clip(dst)
}

// keepBest inserts c into the found best candidates, kept in the order of
// closerCandidate, unless it is there already (an article sharing two
// tags comes up in both lists), and returns how many best holds.
func keepBest(best []candidate, found int, c candidate) int {
	i := found
	for i > 0 && closerCandidate(c, best[i-1]) < 0 {
		i--
	}
	if i == len(best) || i > 0 && best[i-1].n == c.n {
		return found
	}
	found = min(found+1, len(best))
	copy(best[i+1:found], best[i:found-1])
	best[i] = c
	return found
}

// closerCandidate orders candidates: the most shared tags first, then the
// nearest in date, then the newest.
func closerCandidate(a, b candidate) int {
	if a.score != b.score {
		return b.score - a.score
	}
	if a.gap != b.gap {
		return cmp.Compare(a.gap, b.gap)
	}
	return cmp.Compare(a.n, b.n)
}

// sharedTags counts the tags of mine in theirs; each list holds a tag once.
func sharedTags(mine, theirs []tagAt) int {
	shared := 0
	for _, m := range mine {
		for _, t := range theirs {
			if m.tag == t.tag {
				shared++
				break
			}
		}
	}
	return shared
}

// neighbours returns the articles either side of articles[i] in a
// newest-first list: the older one (previous) and the newer one (next).
func neighbours(articles []*site.Page, i int) (prev, next *site.Page) {
	if i+1 < len(articles) {
		prev = articles[i+1]
	}
	if i > 0 {
		next = articles[i-1]
	}
	return prev, next
}
