// Command almanac builds static news sites whose articles carry figures.
//
// Usage:
//
//	almanac serve [--source DIR] [--bind ADDR] [--port N] [--drafts] [--future] [--write] [--dest DIR]
//	almanac build [--source DIR] [--dest DIR] [--drafts] [--future] [--base-url URL]
//	almanac new site DIR [--lang vi|en]
//	almanac new article SECTION "Title" [--source DIR]
//	almanac check [--source DIR] [--drafts] [--future]
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
  almanac serve [flags]   preview the site at http://127.0.0.1:1313/, rebuilding on every save
  almanac build [flags]   build the site into public/
  almanac check [flags]   check the whole site, links included, without writing anything
  almanac new site DIR    write a small working site into DIR (--lang en for English)
  almanac new article SECTION "Title"
                          write content/SECTION/<slug>.md, a draft with its front matter
  almanac version         print the version

Run "almanac <command> -h" for the flags.
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
	case "serve", "server":
		return runServe(args[1:], stdout, stderr)
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "new":
		return runNew(args[1:], stdout, stderr)
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
	site := addSiteFlags(fl)
	dest := fl.String("dest", "", "output `folder` (default <source>/public)")
	baseURL := fl.String("base-url", "", "absolute `URL` the site is published at, overriding almanac.toml")
	opts, root, code := site.parse(fl, args, stderr)
	if root == nil {
		return code
	}
	defer root.Close()
	opts.Dest, opts.BaseURL = *dest, *baseURL
	if opts.Dest == "" {
		opts.Dest = filepath.Join(*site.source, "public")
	}
	res, err := build.Run(context.Background(), opts)
	if err != nil {
		fmt.Fprintf(stderr, "almanac build: %v\n", err)
		return 1
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(stderr, w)
	}
	fmt.Fprintf(stdout, "Built %s → %s\n", res, opts.Dest)
	return 0
}

// usageExit is the exit status for a flag parsing error: 0 for -h.
func usageExit(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	return 2
}

// checkSource rejects extra arguments and a source that is not a folder.
func checkSource(fl *flag.FlagSet, source string, stderr io.Writer) int {
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "%s: unexpected argument %q\n", fl.Name(), fl.Arg(0))
		return 2
	}
	if st, err := os.Stat(source); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "%s: %s is not a folder; pass the site folder with --source\n", fl.Name(), source)
		return 2
	}
	return 0
}

// siteFlags are the flags that name a site and what of it to build.
type siteFlags struct {
	source         *string
	drafts, future *bool
}

func addSiteFlags(fl *flag.FlagSet) siteFlags {
	return siteFlags{
		source: fl.String("source", ".", "site `folder` holding almanac.toml and content/"),
		drafts: fl.Bool("drafts", false, "include articles marked draft: true"),
		future: fl.Bool("future", false, "include articles dated in the future"),
	}
}

// options are the build options of the site the flags name. The site is
// read through an os.Root, which refuses to follow a link out of the site
// folder; the caller closes it when the command ends.
func (f siteFlags) options() (build.Options, io.Closer, error) {
	root, err := os.OpenRoot(*f.source)
	if err != nil {
		return build.Options{}, nil, err
	}
	return build.Options{Site: root.FS(), Theme: almanac.Theme(), Drafts: *f.drafts, Future: *f.future}, root, nil
}

// parse parses args, checks the source folder and opens it. When root is
// nil the command must stop with the exit status code (0 after -h);
// otherwise the caller closes root when done.
func (f siteFlags) parse(fl *flag.FlagSet, args []string, stderr io.Writer) (opts build.Options, root io.Closer, code int) {
	if err := fl.Parse(args); err != nil {
		return build.Options{}, nil, usageExit(err)
	}
	if code := checkSource(fl, *f.source, stderr); code != 0 {
		return build.Options{}, nil, code
	}
	opts, root, err := f.options()
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", fl.Name(), err)
		return build.Options{}, nil, 1
	}
	return opts, root, 0
}
