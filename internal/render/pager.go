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
	p := &Pager{Number: number, Total: total}
	if number > 1 {
		p.PrevURL = listPageURL(firstURL, number-1)
	}
	if number < total {
		p.NextURL = listPageURL(firstURL, number+1)
	}
	numbers := []int{1}
	for n := max(2, number-pagerWindow); n <= min(total-1, number+pagerWindow); n++ {
		numbers = append(numbers, n)
	}
	if total > 1 {
		numbers = append(numbers, total)
	}
	previous := 0
	for _, n := range numbers {
		p.Links = append(p.Links, PageLink{
			Number:  n,
			URL:     listPageURL(firstURL, n),
			Current: n == number,
			Gap:     n > previous+1,
		})
		previous = n
	}
	return p
}

// pageCount is how many list pages n items fill at size items a page; an
// empty list still has one page.
func pageCount(n, size int) int {
	if n == 0 {
		return 1
	}
	return (n + size - 1) / size
}
