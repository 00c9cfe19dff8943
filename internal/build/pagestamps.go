package build

import (
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// stamp is what a cached page's file looked like when a build kept or
// reused it: its size and modification time. A page of public/ edited in
// place changes its cached copy, the same file, and the stamp no longer
// matches: the page is rendered again rather than linked.
type stamp struct{ size, mtime int64 }

func stampOf(info fs.FileInfo) stamp { return stamp{info.Size(), info.ModTime().UnixNano()} }

// stampSize is the bytes of one record of the stamps file:
// signature, size and modification time, little-endian.
const stampSize = 24

// readStamps reads the stamps file name; a missing or damaged file has
// no stamps, and every page is rendered.
func readStamps(name string) map[uint64]stamp {
	b, err := os.ReadFile(name)
	if err != nil || len(b)%stampSize != 0 {
		return nil
	}
	m := make(map[uint64]stamp, len(b)/stampSize)
	for ; len(b) > 0; b = b[stampSize:] {
		m[binary.LittleEndian.Uint64(b)] = stamp{int64(binary.LittleEndian.Uint64(b[8:])), int64(binary.LittleEndian.Uint64(b[16:]))}
	}
	return m
}

// writeStamps replaces the stamps file name, through a temporary file
// renamed into place: a build killed meanwhile leaves the last one.
func writeStamps(name string, m map[uint64]stamp) error {
	b := make([]byte, 0, len(m)*stampSize)
	for sig, st := range m {
		b = binary.LittleEndian.AppendUint64(b, sig)
		b = binary.LittleEndian.AppendUint64(b, uint64(st.size))
		b = binary.LittleEndian.AppendUint64(b, uint64(st.mtime))
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), ".stamps-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(b)
	if err = errors.Join(err, tmp.Close()); err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// stamped reports whether the cached file of sig is as a build left it.
func (c *pageCache) stamped(sig uint64) (stamp, bool) {
	want, ok := c.stamps[sig]
	if !ok {
		return stamp{}, false
	}
	info, err := os.Stat(c.file(sig))
	return want, err == nil && stampOf(info) == want
}

// record notes the stamp of sig's file for the next build.
func (c *pageCache) record(sig uint64, st stamp) {
	c.mu.Lock()
	c.next[sig] = st
	c.mu.Unlock()
}
