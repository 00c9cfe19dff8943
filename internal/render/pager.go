package render

import "strconv"

// pagerWindow is how many page links a Pager shows either side of the current page.
const pagerWindow = 2

// listPageURL is the URL of page number of the list whose first page is at firstURL.
func listPageURL(firstURL string, number int) string {
	if number <= 1 {
		return firstURL
	}
	return firstURL + "page/" + strconv.Itoa(number) + "/"
}

// newPager describes page number of total pages of the list at firstURL.
func newPager(firstURL string, number, total int) *Pager {
	return &Pager{Number: number, Total: total, first: firstURL}
}

// PrevURL is the site-relative URL of the page before; empty on the first page.
func (p *Pager) PrevURL() string {
	if p.Number <= 1 {
		return ""
	}
	return listPageURL(p.first, p.Number-1)
}

// NextURL is the site-relative URL of the page after; empty on the last page.
func (p *Pager) NextURL() string {
	if p.Number >= p.Total {
		return ""
	}
	return listPageURL(p.first, p.Number+1)
}

// Links are the pages to link to: the first, the last and two either
// side of this one. Gap marks a link that follows skipped pages, where a
// theme shows an ellipsis.
func (p *Pager) Links() []PageLink {
	numbers := []int{1}
	for n := max(2, p.Number-pagerWindow); n <= min(p.Total-1, p.Number+pagerWindow); n++ {
		numbers = append(numbers, n)
	}
	if p.Total > 1 {
		numbers = append(numbers, p.Total)
	}
	links := make([]PageLink, 0, len(numbers))
	previous := 0
	for _, n := range numbers {
		links = append(links, PageLink{
			Number:  n,
			URL:     listPageURL(p.first, n),
			Current: n == p.Number,
			Gap:     n > previous+1,
		})
		previous = n
	}
	return links
}

// pageCount is how many list pages n items fill at size items a page; an
// empty list still has one page.
func pageCount(n, size int) int {
	if n == 0 {
		return 1
	}
	return (n + size - 1) / size
}
