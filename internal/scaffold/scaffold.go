// Package scaffold holds what `almanac new` writes: a small working site
// in each language Almanac speaks (a home page, one section, one article
// with figures and a chart), and the Markdown of a new, empty article.
//
// The starter sites are plain files embedded from sites/<lang>/; the new
// article is a text/template per language in articles/, whose front-matter
// values are written by yaml.v3, so that any title stays exactly what the
// journalist typed.
package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"text/template"
	"time"
	"unicode"

	"gopkg.in/yaml.v3"
)

// sites holds one starter site per language; "all:" keeps _index.md and
// .gitignore, which go:embed would otherwise leave out.
//
//go:embed all:sites
var sites embed.FS

//go:embed articles
var articles embed.FS

// ErrNotEmpty is returned by WriteSite for a folder that already holds files.
var ErrNotEmpty = errors.New("the folder is not empty")

// Languages lists the languages of the starter sites and articles.
func Languages() []string { return []string{"en", "vi"} }

// Site returns the files of the starter site in lang ("vi" or "en").
func Site(lang string) (fs.FS, error) {
	if !slices.Contains(Languages(), lang) {
		return nil, fmt.Errorf("no starter site in language %q; use one of %s", lang, strings.Join(Languages(), ", "))
	}
	return fs.Sub(sites, "sites/"+lang)
}

// WriteSite writes the starter site in lang into dir, creating dir if
// needed. It refuses a dir that already holds anything, with ErrNotEmpty.
func WriteSite(dir, lang string) error {
	files, err := Site(lang)
	if err != nil {
		return err
	}
	entries, err := os.ReadDir(dir)
	switch {
	case err == nil && len(entries) > 0:
		return fmt.Errorf("%s: %w", dir, ErrNotEmpty)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.CopyFS(dir, files)
}

// Article is what the front matter of a new article is filled in with.
type Article struct {
	Title  string    // as typed; line breaks and other control characters become spaces
	Date   time.Time // written as RFC 3339 with its offset
	Author string    // the site's default author; "" leaves a commented placeholder
	Lang   string    // language of the comments and placeholder text: "vi" or "en"
	Bundle bool      // the article is a page bundle: the comments show its picture, audio and CSV
}

// Markdown returns the new article's file: front matter with title, date,
// author, draft: true, an empty summary and tags, a commented example of
// figures and a chart (and, for a bundle, of a picture, a recording and a
// CSV file beside it), figures: [], and a placeholder body.
func (a Article) Markdown() ([]byte, error) {
	if !slices.Contains(Languages(), a.Lang) {
		return nil, fmt.Errorf("no article template in language %q; use one of %s", a.Lang, strings.Join(Languages(), ", "))
	}
	tmpl, err := template.New(a.Lang+".md.tmpl").Funcs(template.FuncMap{"yaml": yamlScalar}).
		ParseFS(articles, "articles/"+a.Lang+".md.tmpl")
	if err != nil {
		return nil, err
	}
	data := a
	data.Title, data.Author = oneLine(a.Title), oneLine(a.Author)
	data.Date = a.Date.Truncate(time.Second)
	var b bytes.Buffer
	if err := tmpl.Execute(&b, data); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// oneLine turns control characters such as line breaks into spaces and
// trims the ends: front-matter texts are one line, and parse trims them.
func oneLine(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s))
}

// rfc3339Offset is RFC 3339 with the offset always written as digits:
// +00:00 rather than Z, so that the zone a date was written in is plain.
const rfc3339Offset = "2006-01-02T15:04:05-07:00"

// yamlScalar writes v as one YAML value on one line, quoted as yaml.v3
// decides: a title such as `Giá "dầu": 100%` becomes '…' and reads back
// exactly; a time.Time becomes an unquoted RFC 3339 timestamp.
func yamlScalar(v any) (string, error) {
	if t, ok := v.(time.Time); ok {
		v = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: t.Format(rfc3339Offset)}
	}
	out, err := yaml.Marshal(v)
	if err != nil {
		return "", err
	}
	s := strings.TrimSuffix(string(out), "\n")
	if strings.Contains(s, "\n") {
		return "", fmt.Errorf("%q does not fit on one line of YAML", v)
	}
	return s, nil
}
