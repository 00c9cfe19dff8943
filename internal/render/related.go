package render

import (
	"slices"

	"github.com/almanac-news/almanac/internal/site"
)

const (
	relatedCount = 4 // related articles an article shows
	// relatedScan bounds the articles looked at per article, so that an
	// article whose tags each have thousands of articles, few of them
	// shared, costs at most some microseconds. It is only reached when
	// two huge tags of an article hardly ever go together.
	relatedScan = 5000
)

// candidate is an article sharing score tags with the article at hand.
type candidate struct {
	page  *site.Page
	score int
}

// relatedArticles returns up to relatedCount articles sharing tags with
// p: those sharing the most tags first, then the newest. tags gives each
// tag's articles newest first, and rank each article's place in the
// newest-first list of all articles.
//
// It walks the tags' lists together from the newest article down. Once
// relatedCount articles sharing s tags are found, only an article sharing
// more can displace one, and such an article is on one of any k−s of the
// k lists: the walk goes on along the k−s shortest only.
func relatedArticles(p *site.Page, tags map[string]*Term, rank map[*site.Page]int) []*site.Page {
	mine := map[string]bool{}
	var lists [][]*site.Page
	for _, t := range p.Tags {
		if term := tags[t.Slug]; term != nil && !mine[t.Slug] {
			mine[t.Slug] = true
			lists = append(lists, term.Articles)
		}
	}
	slices.SortStableFunc(lists, func(a, b []*site.Page) int { return len(a) - len(b) })
	var best []candidate
	for range relatedScan {
		walked := lists[:len(lists)-minScore(best)]
		next := nextArticle(walked, rank, p)
		if next == nil {
			break
		}
		best = keepBest(best, candidate{next, sharedTags(next, mine)})
	}
	related := make([]*site.Page, len(best))
	for i, c := range best {
		related[i] = c.page
	}
	return related
}

// minScore is the score an article must beat to join best: that of the
// last when best is full, else 0.
func minScore(best []candidate) int {
	if len(best) < relatedCount {
		return 0
	}
	return best[relatedCount-1].score
}

// nextArticle takes the newest article other than self off the heads of
// the lists, and returns it; nil when the lists hold no other article.
func nextArticle(lists [][]*site.Page, rank map[*site.Page]int, self *site.Page) *site.Page {
	var next *site.Page
	for i, list := range lists {
		if len(list) > 0 && list[0] == self {
			list = list[1:]
			lists[i] = list
		}
		if len(list) > 0 && (next == nil || rank[list[0]] < rank[next]) {
			next = list[0]
		}
	}
	for i, list := range lists {
		if len(list) > 0 && list[0] == next {
			lists[i] = list[1:]
		}
	}
	return next
}

// sharedTags counts the tags of p among mine, each slug once.
func sharedTags(p *site.Page, mine map[string]bool) int {
	n := 0
	for i, t := range p.Tags {
		if mine[t.Slug] && !slices.ContainsFunc(p.Tags[:i], func(u site.Tag) bool { return u.Slug == t.Slug }) {
			n++
		}
	}
	return n
}

// keepBest inserts c into best, ordered by score and then by when it was
// found (newest first), keeping at most relatedCount.
func keepBest(best []candidate, c candidate) []candidate {
	i := len(best)
	for i > 0 && best[i-1].score < c.score {
		i--
	}
	if i >= relatedCount {
		return best
	}
	if len(best) < relatedCount {
		best = append(best, candidate{})
	}
	copy(best[i+1:], best[i:])
	best[i] = c
	return best
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
