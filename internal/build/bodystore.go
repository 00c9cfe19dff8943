package build

import (
	"bytes"
	"fmt"
	"html/template"
	"os"
	"sync"

	"github.com/klauspost/compress/s2"

	"github.com/almanac-news/almanac/internal/site"
)

// bodyStore keeps the rendered bodies of a session's pages out of its
// memory: compressed with S2 (klauspost/compress: about 360 MB/s to
// compress and expand again here, against 43 MB/s for compress/flate at
// its fastest, at a ratio of 2.3 against 2.9), in a temporary file that
// is removed as soon as it is made, so that nothing is left behind even
// after kill -9. A body is read once or twice a build, by its own page
// and a feed; the bodies of a 100,000-article archive are about 300 MB
// so compressed, which the operating system's page cache holds rather
// than the process. Where no such file can be made (or removed while
// open, as on Windows) the bodies are kept compressed in memory.
//
// A body rendered again leaves its old bytes in the file: an edit adds a
// few kilobytes, a theme change the bodies that draw charts.
type bodyStore struct {
	f    *os.File // nil: in memory
	mu   sync.Mutex
	size int64
	bufs sync.Pool // encoding buffers, as large as s2 asks
}

func newBodyStore() *bodyStore {
	s := &bodyStore{}
	f, err := os.CreateTemp("", "almanac-bodies-*")
	if err != nil {
		return s
	}
	if err := os.Remove(f.Name()); err != nil {
		f.Close()
		os.Remove(f.Name())
		return s
	}
	s.f = f
	return s
}

// put keeps h and returns how to read it again.
func (s *bodyStore) put(h template.HTML) site.HTML {
	if h == "" {
		return nil
	}
	need := s2.MaxEncodedLen(len(h))
	buf, _ := s.bufs.Get().(*[]byte)
	if buf == nil || cap(*buf) < need {
		b := make([]byte, need)
		buf = &b
	}
	defer s.bufs.Put(buf)
	enc := s2.Encode((*buf)[:need], []byte(h))
	if s.f != nil {
		s.mu.Lock()
		off := s.size
		s.size += int64(len(enc))
		s.mu.Unlock()
		if _, err := s.f.WriteAt(enc, off); err == nil {
			return storedHTML{f: s.f, off: off, n: len(enc)}
		}
	}
	return compressedHTML(bytes.Clone(enc)) // the disk is full: memory it is
}

// storedHTML is a body in the store's file.
type storedHTML struct {
	f   *os.File
	off int64
	n   int
}

func (b storedHTML) HTML() (template.HTML, error) {
	enc := make([]byte, b.n)
	if _, err := b.f.ReadAt(enc, b.off); err != nil {
		return "", fmt.Errorf("reading a rendered body back from the build's temporary file: %w", err)
	}
	return compressedHTML(enc).HTML()
}

// compressedHTML is a body kept compressed in memory.
type compressedHTML []byte

func (c compressedHTML) HTML() (template.HTML, error) {
	b, err := s2.Decode(nil, c)
	if err != nil {
		return "", fmt.Errorf("expanding a rendered body: %w", err)
	}
	return template.HTML(b), nil
}
