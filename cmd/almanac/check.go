package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode"

	"github.com/almanac-news/almanac"
	"github.com/almanac-news/almanac/internal/build"
)

// runCheck validates the whole site as a build would, and more, without
// writing anything: it prints every problem, then the articles left out.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("almanac check", flag.ContinueOnError)
	fl.SetOutput(stderr)
	source := fl.String("source", ".", "site `folder` holding almanac.toml and content/")
	drafts := fl.Bool("drafts", false, "check articles marked draft: true as if published")
	future := fl.Bool("future", false, "check articles dated in the future as if published")
	if err := fl.Parse(args); err != nil {
		return usageExit(err)
	}
	if code := checkSource(fl, *source, stderr); code != 0 {
		return code
	}
	res, err := build.Check(context.Background(), build.Options{
		Site: os.DirFS(*source), Theme: almanac.Theme(), Drafts: *drafts, Future: *future,
	})
	if err != nil {
		fmt.Fprintf(stderr, "almanac check: %v\n", err)
		return 1
	}
	printCheck(stdout, res)
	if len(res.Errors()) > 0 {
		return 1
	}
	return 0
}

// printCheck prints the problems, the articles left out and a summary.
func printCheck(w io.Writer, res *build.CheckResult) {
	for _, p := range res.Problems {
		fmt.Fprintln(w, p)
	}
	if len(res.Skipped) > 0 {
		fmt.Fprintf(w, "Left out of the site (--drafts and --future check them as if published):\n")
	}
	loc := res.Config.Location
	if loc == nil {
		loc = time.UTC
	}
	for _, p := range res.Skipped {
		why := "future"
		if p.Draft {
			why = "draft "
		}
		date := "no date          "
		if !p.Date.IsZero() {
			date = p.Date.In(loc).Format("2006-01-02 15:04 -07:00")
		}
		fmt.Fprintf(w, "  %s  %s  %s  %s\n", why, date, p.Source, printable(p.Title))
	}
	fmt.Fprintf(w, "Checked %s and %s: %s, %s.\n", count(res.Pages, "page"), count(res.Links, "link"),
		count(len(res.Errors()), "error"), count(len(res.Warnings()), "warning"))
}

// printable replaces control characters, which a title from YAML may
// hold, so that a title cannot drive the terminal.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return '\uFFFD'
		}
		return r
	}, s)
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
