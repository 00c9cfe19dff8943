package build

import (
	"bytes"
	"fmt"
	"html/template"
	"os"
	"sync"
	"unsafe"

	"github.com/klauspost/compress/s2"
)

// bodyStore keeps bytes a session must hold but seldom reads out of its
// memory: the rendered bodies of its pages, read by their own page and a
// feed, and the preview's files, read when a browser asks for them. They
// are compressed with S2 (klauspost/compress: about 360 MB/s to compress
// and expand again here, against 43 MB/s for compress/flate at its
// fastest, at a ratio of 2.3 against 2.9), in a temporary file removed as
// soon as it is made, so that nothing is left behind even after kill -9;
// the operating system's page cache holds them rather than the process.
// Where no such file can be made (or removed while open, as on Windows)
// they are kept compressed in memory.
//
// Bytes replaced leave their old copy in the file: an edit adds the few
// pages it renders again, a theme change the whole site once more.
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

// put keeps b and returns how to read it again.
func (s *bodyStore) put(b []byte) blob {
	need := s2.MaxEncodedLen(len(b))
	buf, _ := s.bufs.Get().(*[]byte)
	if buf == nil || cap(*buf) < need {
		made := make([]byte, need)
		buf = &made
	}
	defer s.bufs.Put(buf)
	enc := s2.Encode((*buf)[:need], b)
	if s.f != nil {
		s.mu.Lock()
		off := s.size
		s.size += int64(len(enc))
		s.mu.Unlock()
		if _, err := s.f.WriteAt(enc, off); err == nil {
			return blob{f: s.f, off: off, n: len(enc)}
		}
	}
	return blob{mem: bytes.Clone(enc), n: len(enc)} // the disk is full: memory it is
}

// putHTML keeps a rendered body; an empty one is nil.
func (s *bodyStore) putHTML(h template.HTML) *blob {
	if h == "" {
		return nil
	}
	b := s.put(unsafe.Slice(unsafe.StringData(string(h)), len(h))) // put only reads it
	return &b
}

// shelve returns the file of path with its bytes waiting in s, out of
// memory, until they are written; a nil s keeps them in the file.
func (s *bodyStore) shelve(path string, data []byte) generatedFile {
	if s == nil {
		return generatedFile{path: path, data: data}
	}
	b := s.put(data)
	return generatedFile{path: path, kept: &b}
}

// blob is bytes a bodyStore keeps, compressed: in its file, or in mem.
type blob struct {
	f   *os.File
	off int64
	n   int
	mem []byte
}

// readBufs holds the buffers blobs are read into from their file.
var readBufs sync.Pool

// read returns the bytes as they were put, in a slice of their own.
func (b blob) read() ([]byte, error) {
	enc := b.mem
	if b.f != nil {
		buf, _ := readBufs.Get().(*[]byte)
		if buf == nil || cap(*buf) < b.n {
			made := make([]byte, b.n)
			buf = &made
		}
		defer readBufs.Put(buf)
		enc = (*buf)[:b.n]
		if _, err := b.f.ReadAt(enc, b.off); err != nil {
			return nil, fmt.Errorf("reading back from the build's temporary file: %w", err)
		}
	}
	raw, err := s2.Decode(nil, enc)
	if err != nil {
		return nil, fmt.Errorf("expanding what the build kept: %w", err)
	}
	return raw, nil
}

// HTML makes a kept body a site.HTML.
func (b *blob) HTML() (template.HTML, error) {
	raw, err := b.read()
	if len(raw) == 0 {
		return "", err
	}
	return template.HTML(unsafe.String(&raw[0], len(raw))), nil // raw is read's own: no copy
}
