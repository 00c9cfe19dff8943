package parse

import (
	"sync"

	"github.com/almanac-news/almanac/internal/site"
	"github.com/almanac-news/almanac/internal/slug"
)

// names shares the strings that many pages of one Content write alike,
// tags and authors, so that an archive keeps one copy of each and makes
// each tag's slug once. Safe for concurrent use, as Parse is.
type names struct {
	mu      sync.Mutex
	tags    map[string]site.Tag // by the name as written
	authors map[string]string
}

func newNames() *names {
	return &names{tags: map[string]site.Tag{}, authors: map[string]string{}}
}

// tag returns the tag written name, with its slug; the slug is empty when
// name has no letter or digit.
func (n *names) tag(name string) site.Tag {
	n.mu.Lock()
	t, ok := n.tags[name]
	n.mu.Unlock()
	if ok {
		return t
	}
	t = site.Tag{Name: name, Slug: slug.Make(name)}
	n.mu.Lock()
	n.tags[name] = t
	n.mu.Unlock()
	return t
}

// author returns the one copy of the author's name.
func (n *names) author(name string) string {
	n.mu.Lock()
	defer n.mu.Unlock()
	if kept, ok := n.authors[name]; ok {
		return kept
	}
	n.authors[name] = name
	return name
}
