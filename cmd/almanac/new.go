package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/almanac-news/almanac/internal/config"
	"github.com/almanac-news/almanac/internal/scaffold"
	"github.com/almanac-news/almanac/internal/slug"
)

const newUsage = `Usage:
  almanac new site DIR [--lang vi|en]                  write a small working site into DIR
  almanac new article SECTION "Title" [--source DIR]   write content/SECTION/<slug>.md, a draft
`

// runNew runs `almanac new site` and `almanac new article`.
func runNew(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, newUsage)
		return 2
	}
	switch args[0] {
	case "site":
		return runNewSite(args[1:], stdout, stderr)
	case "article":
		return runNewArticle(args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, newUsage)
		return 0
	}
	fmt.Fprintf(stderr, "almanac new: cannot make a %q; make a site or an article\n\n%s", args[0], newUsage)
	return 2
}

func runNewSite(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("almanac new site", flag.ContinueOnError)
	fl.SetOutput(stderr)
	lang := fl.String("lang", "vi", "`language` of the site and its sample article: vi or en")
	positional, err := parseInterleaved(fl, args)
	if err != nil {
		return usageExit(err)
	}
	if len(positional) != 1 {
		fmt.Fprintln(stderr, "almanac new site: give the folder to write the site into: almanac new site my-site")
		return 2
	}
	if !slices.Contains(scaffold.Languages(), *lang) {
		fmt.Fprintf(stderr, "almanac new site: --lang %q is not a language Almanac writes; use %s\n",
			*lang, strings.Join(scaffold.Languages(), " or "))
		return 2
	}
	dir := positional[0]
	if err := scaffold.WriteSite(dir, *lang); err != nil {
		if errors.Is(err, scaffold.ErrNotEmpty) {
			fmt.Fprintf(stderr, "almanac new site: %s is not empty; give a new or empty folder, so that none of your files is overwritten\n", dir)
		} else {
			fmt.Fprintf(stderr, "almanac new site: %v\n", err)
		}
		return 1
	}
	fmt.Fprintf(stdout, "Wrote a new site into %s. Preview it with\n  almanac serve --source %s\nor build it into %s with\n  almanac build --source %s\n",
		dir, dir, filepath.Join(dir, "public"), dir)
	return 0
}

func runNewArticle(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("almanac new article", flag.ContinueOnError)
	fl.SetOutput(stderr)
	source := fl.String("source", ".", "site `folder` holding almanac.toml and content/")
	positional, err := parseInterleaved(fl, args)
	if err != nil {
		return usageExit(err)
	}
	if code := checkArticleArgs(positional, *source, stderr); code != 0 {
		return code
	}
	section, title := positional[0], positional[1]
	cfg, problems := config.Load(os.DirFS(*source), "almanac.toml")
	if err := problems.Err(); err != nil {
		fmt.Fprintf(stderr, "almanac new article: fix almanac.toml first:\n%v\n", err)
		return 1
	}
	md, err := scaffold.Article{Title: title, Date: time.Now().In(cfg.Location), Author: cfg.Author, Lang: cfg.Language}.Markdown()
	if err != nil {
		fmt.Fprintf(stderr, "almanac new article: %v\n", err)
		return 1
	}
	file, err := writeArticle(*source, section, slug.Make(title), md)
	if err != nil {
		fmt.Fprintf(stderr, "almanac new article: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, file)
	return 0
}

// checkArticleArgs checks the section, the title and the site folder.
func checkArticleArgs(positional []string, source string, stderr io.Writer) int {
	if len(positional) != 2 {
		fmt.Fprintln(stderr, `almanac new article: give a section and a title: almanac new article tin-tuc "Tiêu đề bài viết"`)
		return 2
	}
	section, title := positional[0], positional[1]
	if !slug.Valid(section) {
		fmt.Fprintf(stderr, "almanac new article: section %q is not a folder name Almanac uses as it is; use only a-z, 0-9, -, _ and ., e.g. %s\n",
			section, orDefault(slug.Make(section), "tin-tuc"))
		return 2
	}
	if slug.Make(title) == "" {
		fmt.Fprintf(stderr, "almanac new article: title %q has no letters or digits to make a file name from\n", title)
		return 2
	}
	if st, err := os.Stat(source); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "almanac new article: %s is not a folder; pass the site folder with --source\n", source)
		return 2
	}
	return 0
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// writeArticle writes content/<section>/<name>.md in the site folder and
// returns its path. It never overwrites a file, and refuses a name whose
// page already exists as a bundle or a section that is a page bundle.
func writeArticle(source, section, name string, md []byte) (string, error) {
	dir := filepath.Join(source, "content", section)
	file := filepath.Join(dir, name+".md")
	if fileExists(filepath.Join(dir, "index.md")) {
		return "", fmt.Errorf("%s is a page bundle (it holds index.md), not a section; pick a section folder", dir)
	}
	if bundle := filepath.Join(dir, name, "index.md"); fileExists(bundle) {
		return "", fmt.Errorf("%s already makes this article's page; choose another title or edit that file", bundle)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("%s already exists; choose another title or edit that file", file)
	}
	if err != nil {
		return "", err
	}
	if _, err := f.Write(md); err != nil {
		f.Close()
		os.Remove(file)
		return "", err
	}
	return file, f.Close()
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// parseInterleaved parses the flags of args wherever they stand among the
// positional arguments, which fl.Parse alone stops at, and returns the
// positional arguments. Everything after "--" is positional.
func parseInterleaved(fl *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fl.Parse(args); err != nil {
			return nil, err
		}
		rest := fl.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}
