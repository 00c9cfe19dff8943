// Command almanac builds static news sites whose articles carry figures.
//
// Usage:
//
//	almanac build [--source DIR] [--dest DIR] [--drafts] [--future] [--base-url URL]
//	almanac version
//
// Exit status: 0 on success, 1 when the site has errors, 2 on bad usage.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/almanac-news/almanac"
	"github.com/almanac-news/almanac/internal/build"
)

// version is set at link time with -ldflags "-X main.version=…".
var version = ""

const usage = `almanac builds static news sites from Markdown articles with figures.

Usage:
  almanac build [flags]   build the site into public/
  almanac version         print the version

Run "almanac build -h" for the build flags.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "build":
		return runBuild(args[1:], stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "almanac", versionString())
		return 0
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "almanac: unknown command %q\n\n%s", args[0], usage)
	return 2
}

func versionString() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("almanac build", flag.ContinueOnError)
	fl.SetOutput(stderr)
	source := fl.String("source", ".", "site `folder` holding almanac.toml and content/")
	dest := fl.String("dest", "", "output `folder` (default <source>/public)")
	drafts := fl.Bool("drafts", false, "include articles marked draft: true")
	future := fl.Bool("future", false, "include articles dated in the future")
	baseURL := fl.String("base-url", "", "absolute `URL` the site is published at, overriding almanac.toml")
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "almanac build: unexpected argument %q\n", fl.Arg(0))
		return 2
	}
	if *dest == "" {
		*dest = filepath.Join(*source, "public")
	}
	if st, err := os.Stat(*source); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "almanac build: %s is not a folder; pass the site folder with --source\n", *source)
		return 2
	}
	res, err := build.Run(context.Background(), build.Options{
		Site: os.DirFS(*source), Theme: almanac.Theme(), Dest: *dest,
		Drafts: *drafts, Future: *future, BaseURL: *baseURL,
	})
	if err != nil {
		fmt.Fprintf(stderr, "almanac build: %v\n", err)
		return 1
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(stderr, w)
	}
	fmt.Fprintf(stdout, "Built %s → %s\n", res, *dest)
	return 0
}
