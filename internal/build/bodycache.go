package build

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"sync/atomic"

	"github.com/klauspost/compress/s2"

	"github.com/almanac-news/almanac/internal/output"
	"github.com/almanac-news/almanac/internal/site"
)

// bodyCache is the other half of almanac build's cache (Options.Cache):
// the rendered bodies of the pages, so that a build renders only the
// Markdown of files that changed. A body is kept with everything its
// rendering gave (the page's headings, summary and charts, its chart CSV
// files and picture copies), S2-compressed, under a digest of the page's
// file and of everything else rendering reads (renderInputs):
//
//	<Cache>/bodies/<first 2 of 16 hex digits>/<other 14>
//
// Only a rendering without problems is kept, so that a build reports
// every problem it finds as a cold build does. Each body is written to a
// temporary file renamed into place, so a build killed at any point, or
// two builds at once, leave only whole bodies; one that cannot be read is
// rendered again.
type bodyCache struct {
	dir    string
	inputs uint64 // renderInputs
	hits   atomic.Int64
}

// cachedBody is one body as the cache keeps it: the JSON of this, its
// length first as a uvarint, then the HTML.
type cachedBody struct {
	HTML         string `json:"-"`
	Summary      string
	Words        int
	Charts       []site.Chart
	Shortcodes   []string
	Files        []cachedFile
	FeedSpecific bool
}

type cachedFile struct {
	Path string
	Data []byte
}

// openBodyCache returns the body cache of this build; nil without
// Options.Cache, or when it cannot be used (openPageCache says why).
func (s *Session) openBodyCache() *bodyCache {
	if s.opts.Cache == "" {
		return nil
	}
	dir := filepath.Join(s.opts.Cache, "bodies")
	inputs, err := s.renderInputs()
	if err == nil && s.opts.Fresh {
		err = os.RemoveAll(dir)
	}
	if err == nil {
		err = os.MkdirAll(dir, output.DirMode)
	}
	if err != nil {
		return nil
	}
	return &bodyCache{dir: dir, inputs: inputs}
}

func (c *bodyCache) file(p *site.Page) string {
	hex := c.name(p.Digest)
	return filepath.Join(c.dir, hex[:2], hex[2:])
}

// name is the 16 hex digits of the body of the file of this digest.
func (c *bodyCache) name(digest uint64) string {
	var b [16]byte
	binary.LittleEndian.PutUint64(b[:], c.inputs)
	binary.LittleEndian.PutUint64(b[8:], digest)
	sum := sha256.Sum256(b[:])
	return fmt.Sprintf("%016x", binary.LittleEndian.Uint64(sum[:]))
}

// get gives p's body as a build rendered it, or false.
func (c *bodyCache) get(p *site.Page) (*cachedBody, bool) {
	if c == nil {
		return nil, false
	}
	packed, err := os.ReadFile(c.file(p))
	if err != nil {
		return nil, false
	}
	raw, err := s2.Decode(nil, packed)
	if err != nil {
		return nil, false
	}
	n, k := binary.Uvarint(raw)
	if k <= 0 || n > uint64(len(raw)-k) {
		return nil, false
	}
	var body cachedBody
	if json.Unmarshal(raw[k:k+int(n)], &body) != nil {
		return nil, false
	}
	body.HTML = string(raw[k+int(n):])
	c.hits.Add(1)
	return &body, true
}

// put keeps p's rendered body; a body that cannot be kept is rendered
// again by the next build.
func (c *bodyCache) put(p *site.Page, html template.HTML, files []generatedFile, feedSpecific bool) {
	if c == nil {
		return
	}
	body := cachedBody{HTML: string(html), Summary: p.Summary, Words: p.Words, Charts: p.Charts, Shortcodes: p.Shortcodes, FeedSpecific: feedSpecific}
	for _, f := range files {
		body.Files = append(body.Files, cachedFile{Path: f.path, Data: f.data})
	}
	meta, err := json.Marshal(&body)
	if err != nil {
		return
	}
	raw := binary.AppendUvarint(make([]byte, 0, 8+len(meta)+len(html)), uint64(len(meta)))
	raw = append(append(raw, meta...), html...)
	name := c.file(p)
	tmp, err := os.CreateTemp(filepath.Dir(name), ".new-*")
	if errors.Is(err, fs.ErrNotExist) { // the first body of its folder
		if err = os.Mkdir(filepath.Dir(name), output.DirMode); err == nil || errors.Is(err, fs.ErrExist) {
			tmp, err = os.CreateTemp(filepath.Dir(name), ".new-*")
		}
	}
	if err != nil {
		return
	}
	_, err = tmp.Write(s2.Encode(nil, raw))
	if err = errors.Join(err, tmp.Close()); err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
}

// restore gives p what its rendering gave.
func (b *cachedBody) restore(p *site.Page) (template.HTML, []generatedFile) {
	p.Summary, p.Words, p.Shortcodes = b.Summary, b.Words, b.Shortcodes
	if len(b.Charts) > 0 {
		p.Charts = b.Charts
	}
	var files []generatedFile
	for _, f := range b.Files {
		files = append(files, generatedFile{path: f.Path, data: f.Data})
	}
	return template.HTML(b.HTML), files
}

// prune removes the bodies of files not among digests, and temporary
// files of killed builds, once the build has replaced the site.
func (c *bodyCache) prune(digests []uint64) {
	if c == nil {
		return
	}
	keep := make(map[string]bool, len(digests))
	for _, d := range digests {
		keep[c.name(d)] = true
	}
	shards, _ := os.ReadDir(c.dir)
	for _, d := range shards {
		names, _ := os.ReadDir(filepath.Join(c.dir, d.Name()))
		for _, n := range names {
			if !keep[d.Name()+n.Name()] {
				os.Remove(filepath.Join(c.dir, d.Name(), n.Name()))
			}
		}
	}
}

// digests are the Digests of the pages this build rendered or took from
// the cache.
func (s *Session) digests() []uint64 {
	var out []uint64
	for _, e := range s.entries {
		if e.page != nil {
			out = append(out, e.page.Digest)
		}
	}
	return out
}
