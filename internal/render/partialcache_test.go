package render

import (
	"fmt"
	"html/template"
	"strings"
	"sync"
	"testing"
)

// TestPartialCacheBounded fills a cache far past its limit: what it
// holds stays within the limit, the newest entries and an entry read
// all along survive, and every entry read is the HTML put.
func TestPartialCacheBounded(t *testing.T) {
	c := newPartialCache(64 << 10)
	card := func(i int) template.HTML {
		return template.HTML(fmt.Sprintf(`<article class="card"><h3><a href="/tin/bai-%d/">Bài %d</a></h3><p>%s</p></article>`, i, i, strings.Repeat("Sản lượng tăng. ", i%7+1)))
	}
	c.put(keyOf("kept"), card(-1))
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := g; i < 20000; i += 4 {
				c.put(keyOf(fmt.Sprint(i)), card(i))
				if html, ok := c.get(keyOf("kept")); !ok || html != card(-1) {
					t.Errorf("after %d entries the entry in use is %v, %.30q", i, ok, html)
					return
				}
			}
		})
	}
	wg.Wait()
	held := 0
	for _, m := range []map[cacheKey][]byte{c.cur, c.old} {
		for _, b := range m {
			held += len(b) + entryOverhead
		}
	}
	if held > c.limit {
		t.Errorf("the cache holds %d bytes, more than its limit %d", held, c.limit)
	}
	if _, ok := c.get(keyOf("0")); ok {
		t.Error("the oldest entry is still held")
	}
	for i := 20000; i < 20010; i++ {
		c.put(keyOf(fmt.Sprint(i)), card(i))
	}
	for i := 20000; i < 20010; i++ {
		if html, ok := c.get(keyOf(fmt.Sprint(i))); !ok || html != card(i) {
			t.Errorf("entry %d: %v, %.30q", i, ok, html)
		}
	}
}

// TestKeyOfBytes: a key digested from bytes is the key digested from its
// text, so partialCached finds what it put.
func TestKeyOfBytes(t *testing.T) {
	for _, key := range []string{"", "partials/card.html\x00/tin/bai-1/", strings.Repeat("khóa ", 100)} {
		if keyOf(key) != keyOfBytes([]byte(key)) {
			t.Errorf("keyOf(%.20q) differs from keyOfBytes", key)
		}
	}
	if keyOf("a\x00b") == keyOf("a\x00c") {
		t.Error("two keys share a digest")
	}
}
