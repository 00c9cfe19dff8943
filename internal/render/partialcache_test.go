package render

import (
	"fmt"
	"html/template"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/VictoriaMetrics/fastcache"
)

// TestPartialCacheBounded fills a cache far past its limit from four
// goroutines: what it holds stays within the limit, the newest entries
// survive and the oldest do not, and every entry read is the HTML put.
func TestPartialCacheBounded(t *testing.T) {
	c := newPartialCache(32 << 20) // fastcache's smallest: 512 buckets of one 64 KiB chunk
	rng := rand.New(rand.NewPCG(1, 2))
	noise := make([]byte, 8<<10) // letters S2 cannot squeeze much
	for i := range noise {
		noise[i] = byte('a' + rng.IntN(26))
	}
	card := func(i int) template.HTML {
		off := i * 7 % (len(noise) - 4096)
		return template.HTML(fmt.Sprintf(`<article class="card"><h3><a href="/tin/bai-%d/">Bài %d</a></h3><p>%s</p></article>`, i, i, noise[off:off+4096]))
	}
	const n = 20000 // 80 MB of cards
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := g; i < n; i += 4 {
				c.put(keyOf(fmt.Sprint(i)), card(i))
				if html, ok := c.get(keyOf(fmt.Sprint(i))); ok && html != card(i) {
					t.Errorf("entry %d reads back as %.40q", i, html)
					return
				}
			}
		})
	}
	wg.Wait()
	var s fastcache.Stats
	c.c.UpdateStats(&s)
	if s.BytesSize > s.MaxBytesSize || s.MaxBytesSize > 32<<20 {
		t.Errorf("the cache holds %d bytes, more than its limit %d (asked for %d)", s.BytesSize, s.MaxBytesSize, 32<<20)
	}
	if _, ok := c.get(keyOf("0")); ok {
		t.Error("the oldest entry is still held")
	}
	for i := n; i < n+10; i++ {
		c.put(keyOf(fmt.Sprint(i)), card(i))
	}
	for i := n; i < n+10; i++ {
		if html, ok := c.get(keyOf(fmt.Sprint(i))); !ok || html != card(i) {
			t.Errorf("entry %d: %v, %.30q", i, ok, html)
		}
	}
	if _, ok := c.get(keyOf("never put")); ok {
		t.Error("an entry never put was found")
	}
	c.put(keyOf("empty"), "")
	if html, ok := c.get(keyOf("empty")); !ok || html != "" {
		t.Errorf("an empty partial reads back as %v, %q", ok, html)
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
