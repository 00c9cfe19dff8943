// Package config reads a site's configuration file, almanac.toml, into a
// site.Config.
//
// Unknown keys, TOML syntax errors, values of the wrong type and values
// Almanac cannot use (an unsupported language, an unknown time zone, a base
// URL that is not absolute...) are all reported as diag problems naming the
// file, line and column of the offending key or value, with a hint on how to
// fix it. A missing file is not an error: the site gets the defaults.
//
// Columns count characters (not bytes) from 1, so that they match what an
// editor shows on a line containing Vietnamese text.
package config

import (
	"bytes"
	"errors"
	"io/fs"
	"time"
	_ "time/tzdata" // time zones work on machines without a zoneinfo database

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/site"
	"github.com/pelletier/go-toml/v2"
)

// Defaults of the settings almanac.toml may leave out.
const (
	DefaultTitle    = "Almanac"
	DefaultBaseURL  = "/"
	DefaultLanguage = "en"
	DefaultTimeZone = "UTC"
	DefaultPageSize = 10
	// DefaultFeedItems is how many of the newest articles each feed
	// holds, whatever the size of the archive.
	DefaultFeedItems = 20
)

// fileConfig mirrors almanac.toml. Its toml tags are the keys the file may
// use; knownKeys reads them, so error messages always list the real keys.
type fileConfig struct {
	Title         string                  `toml:"title"`
	Description   string                  `toml:"description"`
	BaseURL       string                  `toml:"base_url"`
	Language      string                  `toml:"language"`
	TimeZone      string                  `toml:"time_zone"`
	Menu          []fileMenuItem          `toml:"menu"`
	PageSize      int                     `toml:"page_size"`
	Author        string                  `toml:"author"`
	AllowHTML     bool                    `toml:"allow_html"`
	FeedFull      bool                    `toml:"feed_full_text"`
	FeedItems     int                     `toml:"feed_items"`
	ChartRegistry string                  `toml:"chart_registry"`
	ChartLibrary  string                  `toml:"chart_library"`
	Params        map[string]any          `toml:"params"`
	Languages     map[string]fileLanguage `toml:"languages"`
}

// fileLanguage mirrors one [languages.CODE] table.
type fileLanguage struct {
	Name        string         `toml:"name"`
	Title       string         `toml:"title"`
	Description string         `toml:"description"`
	Weight      int            `toml:"weight"`
	Menu        []fileMenuItem `toml:"menu"`
}

// fileMenuItem mirrors one [[menu]] table.
type fileMenuItem struct {
	Name   string `toml:"name"`
	URL    string `toml:"url"`
	Weight int    `toml:"weight"`
}

// Default returns the configuration of a site without almanac.toml.
func Default() site.Config {
	return site.Config{
		Title:     DefaultTitle,
		BaseURL:   DefaultBaseURL,
		Language:  DefaultLanguage,
		TimeZone:  DefaultTimeZone,
		Location:  time.UTC,
		PageSize:  DefaultPageSize,
		FeedItems: DefaultFeedItems,
		Params:    map[string]any{},
	}
}

// Load reads the configuration file name (normally "almanac.toml") from
// fsys. The returned list is never nil; when it holds errors, the returned
// configuration keeps the defaults for every setting that was wrong.
func Load(fsys fs.FS, name string) (site.Config, *diag.List) {
	problems := &diag.List{}
	data, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return Default(), problems
	}
	if err != nil {
		problems.Add(diag.Errorf(diag.Pos{File: name}, "cannot read the site configuration: %v", err).
			WithHint("check that the file is readable"))
		return Default(), problems
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF")) // byte order mark some editors write

	raw := fileDefaults()
	index := indexPositions(name, data)
	complete := decodeInto(&raw, data, index, problems)
	cfg := validate(raw, complete, index, problems)
	return cfg, problems
}

// fileDefaults returns a fileConfig holding the defaults, which decoding
// then overwrites key by key.
func fileDefaults() fileConfig {
	d := Default()
	return fileConfig{
		Title:     d.Title,
		BaseURL:   d.BaseURL,
		Language:  d.Language,
		TimeZone:  d.TimeZone,
		PageSize:  d.PageSize,
		FeedItems: d.FeedItems,
	}
}

// decodeInto decodes data over raw, rejecting unknown keys, and reports
// every problem the decoder finds. It returns false when a syntax or type
// error stopped the decoder before the end of the file, leaving later keys
// undecoded.
func decodeInto(raw *fileConfig, data []byte, index *positionIndex, problems *diag.List) (complete bool) {
	err := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields().Decode(raw)
	var strict *toml.StrictMissingError
	var decodeErr *toml.DecodeError
	switch {
	case err == nil:
		return true
	case errors.As(err, &strict):
		for i := range strict.Errors {
			problems.Add(unknownKeyProblem(&strict.Errors[i], index))
		}
		return true
	case errors.As(err, &decodeErr):
		problems.Add(decodeProblem(decodeErr, index))
	default:
		problems.Add(diag.Errorf(diag.Pos{File: index.file}, "cannot decode: %v", err).
			WithHint("check the TOML syntax; see https://toml.io"))
	}
	return false
}

// Position returns where key (a dotted path such as "chart_library") is set
// in the configuration file name of fsys, for problems found after Load,
// such as a chart_library file that is not a chart library. It returns the
// whole file's position when the key is not there.
func Position(fsys fs.FS, name, key string) diag.Pos {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return diag.Pos{File: name}
	}
	return indexPositions(name, bytes.TrimPrefix(data, []byte("\uFEFF"))).at(key)
}
