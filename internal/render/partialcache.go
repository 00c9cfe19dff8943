package render

import (
	"hash/maphash"
	"html/template"
	"sync"
	"unsafe"

	"github.com/klauspost/compress/s2"
)

// partialCacheLimit bounds partialCached's memory: the compressed bytes
// of its two generations together, and entryOverhead for each entry. A 100,000-article archive's cards take
// more than that: past the limit, entries not read lately are dropped
// and rendered again when asked for (about 7 % more CPU time at 100,000
// articles than with 256 MiB, for 50 MB less peak memory).
const partialCacheLimit = 64 << 20

// entryOverhead is what an entry costs besides its bytes: its key, its
// slice and its share of the map.
const entryOverhead = 56

// cacheKey is a 128-bit digest of a partialCached key (name and
// variants): a hundred thousand cards' keys in 16 bytes each rather than
// the 70 of their text. Two keys share a digest with a probability of
// about 2⁻¹²⁸ per pair.
type cacheKey [2]uint64

// keySeeds are this process's seeds for cacheKey.
var keySeeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}

// keyOf returns the digest of key.
func keyOf(key string) cacheKey {
	return cacheKey{maphash.String(keySeeds[0], key), maphash.String(keySeeds[1], key)}
}

// keyOfBytes is keyOf of a key held as bytes.
func keyOfBytes(key []byte) cacheKey {
	return cacheKey{maphash.Bytes(keySeeds[0], key), maphash.Bytes(keySeeds[1], key)}
}

// partialCache keeps partialCached's results compressed with S2, in two
// generations: when the newer grows past half the limit, the older is
// dropped and the newer takes its place. An entry read from the older is
// kept in the newer, so entries still in use survive; an entry dropped is
// rendered again when next asked for. Safe for concurrent use.
type partialCache struct {
	mu       sync.Mutex
	cur, old map[cacheKey][]byte
	size     int // bytes in cur, with entryOverhead for each entry
	limit    int
}

func newPartialCache(limit int) *partialCache {
	return &partialCache{cur: map[cacheKey][]byte{}, limit: limit}
}

// get returns the HTML kept under key.
func (c *partialCache) get(key cacheKey) (template.HTML, bool) {
	c.mu.Lock()
	b, ok := c.cur[key]
	if !ok {
		if b, ok = c.old[key]; ok {
			c.keepLocked(key, b)
		}
	}
	c.mu.Unlock()
	if !ok {
		return "", false
	}
	html, err := s2.Decode(nil, b)
	if err != nil { // never: the bytes are this process's own
		return "", false
	}
	if len(html) == 0 {
		return "", true
	}
	return template.HTML(unsafe.String(&html[0], len(html))), true // html is Decode's own: no copy
}

// put keeps html under key.
func (c *partialCache) put(key cacheKey, html template.HTML) {
	b := s2.EncodeBetter(nil, unsafe.Slice(unsafe.StringData(string(html)), len(html))) // only read
	b = append([]byte(nil), b...)                                                       // to its own size: s2 asks for room to spare
	c.mu.Lock()
	c.keepLocked(key, b)
	c.mu.Unlock()
}

func (c *partialCache) keepLocked(key cacheKey, b []byte) {
	if _, ok := c.cur[key]; ok {
		return
	}
	if c.size+len(b)+entryOverhead > c.limit/2 {
		c.old, c.cur, c.size = c.cur, map[cacheKey][]byte{}, 0
	}
	c.cur[key] = b
	c.size += len(b) + entryOverhead
}
