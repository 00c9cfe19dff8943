// Command gensite writes a generated Almanac site (see package sitegen)
// into a folder, for benchmarks and for trying Almanac on a big archive:
//
//	go run ./internal/sitegen/cmd/gensite -articles 10000 -out /tmp/site10k
//
// The folder must not exist or be empty.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/almanac-news/almanac/internal/sitegen"
)

func main() {
	def := sitegen.Default(0)
	articles := flag.Int("articles", 1000, "number of articles")
	out := flag.String("out", "", "folder to write the site into (required; must not exist or be empty)")
	seed := flag.Uint64("seed", def.Seed, "random seed: the same seed gives the same site")
	sections := flag.Int("sections", def.Sections, "top-level sections")
	subsections := flag.Int("subsections", def.Subsections, "subsections of each top-level section (0 to 6)")
	tags := flag.Int("tags", def.Tags, "size of the tag vocabulary (16 to 200 are realistic)")
	authors := flag.Int("authors", def.Authors, "number of authors")
	years := flag.Int("years", def.Years, "years the articles' dates span")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gensite -articles N -out DIR [-seed S] [-sections N] [-tags N] [-authors N] [-years N]")
		os.Exit(2)
	}
	cfg := def
	cfg.Articles, cfg.Seed, cfg.Sections, cfg.Tags, cfg.Authors, cfg.Years = *articles, *seed, *sections, *tags, *authors, *years
	cfg.Subsections = *subsections
	if err := run(cfg, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gensite:", err)
		os.Exit(1)
	}
}

func run(cfg sitegen.Config, out string) error {
	start := time.Now()
	if entries, err := os.ReadDir(out); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty; give a new folder", out)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	s, err := sitegen.Generate(cfg)
	if err != nil {
		return err
	}
	if err := s.Write(out); err != nil {
		return err
	}
	fmt.Printf("wrote %d articles in %d sections to %s in %v\n", len(s.Articles), len(s.Sections), out, time.Since(start).Round(time.Millisecond))
	return nil
}
