package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"

	"github.com/almanac-news/almanac/internal/build"
	"github.com/almanac-news/almanac/internal/diag"
)

// runCheck validates the whole site as a build would, and more, without
// writing anything: it prints every problem, then the articles left out.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("almanac check", flag.ContinueOnError)
	fl.SetOutput(stderr)
	site := addSiteFlags(fl)
	opts, root, code := site.parse(fl, args, stderr)
	if root == nil {
		return code
	}
	defer root.Close()
	res, err := build.Check(context.Background(), opts)
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
	fmt.Fprintf(w, "Checked %s and %s: %s, %s.\n", diag.Count(res.Pages, "page"), diag.Count(res.Links, "link"),
		diag.Count(len(res.Errors()), "error"), diag.Count(len(res.Warnings()), "warning"))
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
