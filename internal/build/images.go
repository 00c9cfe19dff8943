package build

import (
	"crypto/sha256"
	"errors"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/imageset"
	"github.com/almanac-news/almanac/internal/site"
)

// imageKey identifies a picture by its bytes and its file type.
type imageKey [sha256.Size]byte

// imageCache keeps the measured pictures and their smaller copies by
// their bytes, so that a page parsed again does not resize its picture
// again, and two pages showing the same picture resize it once.
type imageCache struct {
	mu   sync.Mutex
	sets map[imageKey]*imageset.Set
}

func newImageCache() *imageCache { return &imageCache{sets: map[imageKey]*imageset.Set{}} }

// set returns the picture's measures and copies, made once.
func (c *imageCache) set(name string, data []byte) (*imageset.Set, imageKey, error) {
	h := sha256.New()
	h.Write([]byte(strings.ToLower(path.Ext(name)) + "\x00"))
	h.Write(data)
	var key imageKey
	h.Sum(key[:0])
	c.mu.Lock()
	set, ok := c.sets[key]
	c.mu.Unlock()
	if ok {
		return set, key, nil
	}
	set, err := imageset.Make(name, data)
	if err != nil {
		return nil, key, err
	}
	c.mu.Lock()
	c.sets[key] = set
	c.mu.Unlock()
	return set, key, nil
}

// retain forgets the pictures not in keep.
func (c *imageCache) retain(keep map[imageKey]bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for key := range c.sets {
		if !keep[key] {
			delete(c.sets, key)
		}
	}
}

// sizeLeadImage measures the lead picture of p when it is a file of p's
// bundle: it fills the picture's width and height where the front matter
// gave none, lists its smaller copies in Srcset and returns the copies.
// It gives p a new Image, so a page copied from a cached one can be sized
// without touching the cache.
func sizeLeadImage(fsys fs.FS, p *site.Page, cache *imageCache) ([]generatedFile, imageKey, *diag.Problem) {
	r := leadImageFile(p)
	if r == nil {
		return nil, imageKey{}, nil
	}
	data, err := fs.ReadFile(fsys, r.Source)
	if err != nil {
		return nil, imageKey{}, imageProblem(p, "image file %q cannot be read: %v", r.Name, err).
			WithHint("check that the file is readable")
	}
	set, key, err := cache.set(r.Name, data)
	if err != nil {
		return nil, key, unreadableImage(p, r.Name, err)
	}
	img := *p.Image
	img.Width, img.Height = fillSize(img.Width, img.Height, set)
	var files []generatedFile
	files, img.Srcset = imageCopies(p, r, set)
	p.Image = &img
	return files, key, nil
}

// imageCopies returns the smaller copies of the bundle picture r of page
// p, to write beside it, and the srcset that lists them, narrowest first,
// then the picture itself; nil when there are none.
func imageCopies(p *site.Page, r *site.Resource, set *imageset.Set) ([]generatedFile, []site.ImageVariant) {
	var files []generatedFile
	var srcset []site.ImageVariant
	for _, v := range set.Variants {
		name := set.FileName(r.URL, v.Width)
		if slices.ContainsFunc(p.Resources, func(o site.Resource) bool { return o.URL == name }) {
			continue // a file of the bundle has the copy's name: leave it alone
		}
		files = append(files, generatedFile{path: name[1:], data: v.Data})
		srcset = append(srcset, site.ImageVariant{URL: srcsetURL(name), Width: v.Width})
	}
	if len(srcset) > 0 {
		srcset = append(srcset, site.ImageVariant{URL: srcsetURL(r.URL), Width: set.Width})
	}
	return files, srcset
}

// srcsetURL percent-encodes a site-relative URL, commas and spaces
// included, which would otherwise split a srcset.
func srcsetURL(u string) string {
	return strings.ReplaceAll((&url.URL{Path: u}).EscapedPath(), ",", "%2C")
}

// leadImageFile returns the bundle file p's lead picture shows, if any.
func leadImageFile(p *site.Page) *site.Resource {
	if p == nil || p.Image == nil {
		return nil
	}
	return bundleFile(p, p.Image.Src)
}

// fillSize completes the size the front matter gave from the picture's:
// both when it gave neither, one from the other keeping the proportions.
func fillSize(w, h int, set *imageset.Set) (int, int) {
	switch {
	case set.Width == 0 || set.Height == 0 || w > 0 && h > 0:
		return w, h
	case w == 0 && h == 0:
		return set.Width, set.Height
	case w == 0:
		return (h*set.Width + set.Height/2) / set.Height, h
	default:
		return w, (w*set.Height + set.Width/2) / set.Width
	}
}

func imageProblem(p *site.Page, format string, args ...any) *diag.Problem {
	line := max(p.Lines.Line("image"), 1)
	return diag.Errorf(diag.Pos{File: p.Source, Line: line, Col: 1}, format, args...)
}

// unreadableImage reports a picture imageset refused.
func unreadableImage(p *site.Page, name string, err error) *diag.Problem {
	var tooLarge *imageset.TooLargeError
	if errors.As(err, &tooLarge) {
		return imageProblem(p, "image file %q is too large to resize: %v", name, err).
			WithHint("save a smaller copy, for example 2880 pixels wide: no screen needs more for a lead picture")
	}
	return imageProblem(p, "image file %q cannot be read as an image: %v", name, err).
		WithHint("open it in an image editor and save it again as JPEG or PNG; the file may be damaged or have the wrong extension")
}
