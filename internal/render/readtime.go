package render

import "github.com/almanac-news/almanac/internal/site"

// wordsPerMinute is the reading speed reading times assume.
const wordsPerMinute = 200

// readingTime is the minutes it takes to read p's body (its Words) at
// wordsPerMinute, rounded up; at least 1.
func readingTime(p *site.Page) int {
	if p == nil {
		return 1
	}
	return max(1, (p.Words+wordsPerMinute-1)/wordsPerMinute)
}
