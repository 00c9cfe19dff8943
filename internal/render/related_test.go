package render

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/almanac-news/almanac/internal/site"
	"github.com/almanac-news/almanac/internal/sitegen"
)

func tagsOf(slugs ...string) []site.Tag {
	var tags []site.Tag
	for _, s := range slugs {
		tags = append(tags, site.Tag{Name: s, Slug: s})
	}
	return tags
}

// hourly gives pages of the titles and tags, newest first, one hour apart.
func hourly(titlesAndTags ...[]string) []*site.Page {
	start := time.Date(2021, 1, 1, 12, 0, 0, 0, ict)
	pages := make([]*site.Page, len(titlesAndTags))
	for i, tt := range titlesAndTags {
		pages[i] = &site.Page{Title: tt[0], Tags: tagsOf(tt[1:]...), Date: start.Add(-time.Duration(i) * time.Hour)}
	}
	return pages
}

func relatedTitles(articles []*site.Page, title string) string {
	i := slices.IndexFunc(articles, func(p *site.Page) bool { return p.Title == title })
	return titles(relatedOfAll(articles)[i])
}

func TestRelatedArticles(t *testing.T) {
	articles := hourly( // one hour apart, newest first
		[]string{"a", "x"},
		[]string{"self", "x", "y", "z", "x"},
		[]string{"b", "x", "y"},
		[]string{"none", "w"},
		[]string{"c", "z"},
		[]string{"d", "y", "x", "z"},
		[]string{"e", "x"},
		[]string{"f", "y", "z"},
	)
	for _, tt := range []struct{ of, want string }{
		{"self", "d b f a"}, // three tags shared, then two (nearest first), then one
		{"a", "self b d e"},
		{"none", ""},
		{"c", "d self f"}, // d is one hour away; self and f three, and self is newer
		{"e", "d b self a"},
	} {
		if got := relatedTitles(articles, tt.of); got != tt.want {
			t.Errorf("related to %s = %q, want %q", tt.of, got, tt.want)
		}
	}
}

func TestRelatedArticlesOfHugeTags(t *testing.T) {
	const n = 20000 // every article has "big"; every 1000th also "rare"
	rows := make([][]string, n)
	for i := range rows {
		rows[i] = []string{fmt.Sprint(i), "big"}
		if i%1000 == 0 {
			rows[i] = append(rows[i], "rare")
		}
	}
	articles := hourly(rows...)
	related := relatedOfAll(articles)
	if got := titles(related[5000]); got != "4000 6000 3000 7000" {
		t.Errorf("related = %q, want the nearest articles sharing both tags, the newer first when as near", got)
	}
	if got := titles(related[7]); got != "6 8 5 9" {
		t.Errorf("related = %q, want the nearest", got)
	}
}

// TestRelatedLooksNearInDate: an article sharing two tags but published
// more than relatedWindow articles of each tag away is not looked at.
func TestRelatedLooksNearInDate(t *testing.T) {
	rows := [][]string{{"self", "x", "y"}}
	for i := range 10 {
		rows = append(rows, []string{fmt.Sprintf("x%d", i), "x"})
	}
	rows = append(rows, []string{"near", "x", "y"}) // 11th of x, 1st of y
	for i := range relatedWindow + 10 {
		rows = append(rows, []string{fmt.Sprintf("y%d", i), "y"}, []string{fmt.Sprintf("X%d", i), "x"})
	}
	rows = append(rows, []string{"far", "x", "y"}) // beyond the window in both lists
	if got := relatedTitles(hourly(rows...), "self"); got != "near x0 x1 x2" {
		t.Errorf("related = %q, want the article sharing both tags within the window, then the nearest", got)
	}
}

// TestRelatedFollowsTheRule compares the index with the rule as
// docs/content.md words it, applied naively, on a generated site.
func TestRelatedFollowsTheRule(t *testing.T) {
	cfg := sitegen.Default(3000)
	cfg.Tags = 16
	articles := siteArticles(generatedSite(t, cfg).Pages)
	got := relatedOfAll(articles)
	if again := relatedOfAll(articles); !slices.EqualFunc(got, again, slices.Equal) {
		t.Fatal("two runs chose differently")
	}
	for i := 0; i < len(articles); i += 7 {
		if want := naiveRelated(articles, i); titles(got[i]) != titles(want) {
			t.Fatalf("related to article %d = %q, want %q", i, titles(got[i]), titles(want))
		}
	}
}

// naiveRelated applies the rule of docs/content.md to articles[i].
func naiveRelated(articles []*site.Page, i int) []*site.Page {
	self := articles[i]
	mine := map[string]bool{}
	for _, t := range self.Tags {
		mine[t.Slug] = true
	}
	looked := map[*site.Page]bool{}
	for slug := range mine { // the 30 of the tag before and after
		var list []*site.Page
		for _, p := range articles {
			if slices.ContainsFunc(p.Tags, func(t site.Tag) bool { return t.Slug == slug }) {
				list = append(list, p)
			}
		}
		at := slices.Index(list, self)
		for _, p := range list[max(0, at-relatedWindow):min(len(list), at+relatedWindow+1)] {
			looked[p] = p != self
		}
	}
	shared := func(p *site.Page) int {
		n := 0
		for slug := range mine {
			n += min(1, slices.IndexFunc(p.Tags, func(t site.Tag) bool { return t.Slug == slug })+1)
		}
		return n
	}
	var picked []*site.Page
	for p, ok := range looked {
		if ok {
			picked = append(picked, p)
		}
	}
	rank := func(p *site.Page) int { return slices.Index(articles, p) }
	slices.SortFunc(picked, func(a, b *site.Page) int {
		return cmp.Or(shared(b)-shared(a), cmp.Compare(a.Date.Sub(self.Date).Abs(), b.Date.Sub(self.Date).Abs()), rank(a)-rank(b))
	})
	return picked[:min(relatedCount, len(picked))]
}

func TestRelatedTitlesAreDistinct(t *testing.T) {
	articles := siteArticles(largeSite(t, 2000).Pages)
	for i, related := range relatedOfAll(articles) {
		seen := map[*site.Page]bool{articles[i]: true}
		for _, p := range related {
			if seen[p] {
				t.Fatalf("article %d: related %q twice or itself", i, strings.Fields(titles(related)))
			}
			seen[p] = true
		}
		if len(related) != relatedCount {
			t.Fatalf("article %d has %d related articles, want %d", i, len(related), relatedCount)
		}
	}
}
