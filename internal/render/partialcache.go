package render

import (
	"hash/maphash"
	"html/template"
	"sync"
	"unsafe"

	"github.com/VictoriaMetrics/fastcache"
	"github.com/klauspost/compress/s2"
)

// partialCacheLimit bounds partialCached's memory. A 100,000-article
// archive's cards take more than that: past the limit, the entries put
// longest ago are dropped and rendered again when asked for (365,718 of
// 1,593,480 calls missed at 100,000 articles, 280,000 of them first calls).
const partialCacheLimit = 64 << 20

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

// partialCache keeps partialCached's results compressed with S2 in a
// fastcache.Cache (VictoriaMetrics/fastcache): bounded, safe for
// concurrent use, and held in memory mapped outside the Go heap, so
// that the garbage collector neither scans it nor counts it in the heap
// it lets grow to twice the live one (a 100,000-article build's peak
// memory is about twice its live heap). An entry dropped is rendered
// again when next asked for.
type partialCache struct{ c *fastcache.Cache }

func newPartialCache(limit int) *partialCache { return &partialCache{c: fastcache.New(limit)} }

// readBufs hold the compressed entries get expands.
var readBufs = sync.Pool{New: func() any { return new([]byte) }}

// get returns the HTML kept under key.
func (c *partialCache) get(key cacheKey) (template.HTML, bool) {
	buf := readBufs.Get().(*[]byte)
	defer readBufs.Put(buf)
	b, ok := c.c.HasGet((*buf)[:0], key.bytes())
	*buf = b
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
	c.c.Set(key.bytes(), b)
}

// bytes is the key as fastcache takes it.
func (k cacheKey) bytes() []byte {
	return unsafe.Slice((*byte)(unsafe.Pointer(&k)), unsafe.Sizeof(k))
}
