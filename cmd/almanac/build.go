package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/almanac-news/almanac/internal/build"
	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/report"
)

// buildMessages are what almanac build says; a message catalog can
// replace them.
var buildMessages = struct {
	Short, Long, Example    string
	Progress, Summary, Plan string
	Errors, Strict, Failed  string
}{
	Short: "Build the site into public/",
	Long: `Build reads the site folder (almanac.toml, content/, layouts/, assets/, data/), renders
every page, chart table, CSV file, feed and sitemap, and writes them into public/ (or --dest).
The destination is replaced as a whole only when everything succeeded: a build that finds an
error lists every problem with its file, line and column and changes nothing. Warnings are
printed too and counted in the summary line; with --strict they fail the build as errors do.`,
	Example: `  almanac build
  almanac build -s my-site -d /tmp/preview --drafts --future
  almanac build --base-url https://staging.example.org/
  almanac build --strict --format github     # in a GitHub Actions job`,
	Progress: "Building %s …",
	Summary:  "Built %s → %s\n",
	Plan:     "Building %s into %s (drafts: %v, future: %v)\n",
	Errors:   "%s: the site has errors:\n",
	Strict:   "%s: --strict makes %s fail the build; %s was left as it was\n",
	Failed:   "%s: the site has errors (%s, %s); %s was left as it was\n",
}

func init() { register(newBuildCommand) }

func newBuildCommand(c *cli) *cobra.Command {
	m := buildMessages
	cmd := &cobra.Command{
		Use:     "build",
		Short:   m.Short,
		Long:    m.Long,
		Example: m.Example,
		Args:    noArgs,
	}
	b := addBuildFlags(cmd.Flags())
	cmd.RunE = func(cmd *cobra.Command, _ []string) error { return c.runBuild(cmd, b) }
	return cmd
}

// buildFlags are the flags of almanac build, which almanac alone takes too.
type buildFlags struct {
	site          *siteFlags
	report        *reportFlags
	dest, baseURL string
}

func addBuildFlags(fl *pflag.FlagSet) *buildFlags {
	b := &buildFlags{site: addSiteFlags(fl), report: addReportFlags(fl)}
	fl.StringVarP(&b.dest, "dest", "d", "", flagMessages.Dest)
	fl.StringVarP(&b.baseURL, "base-url", "b", "", flagMessages.BaseURL)
	return b
}

func (c *cli) runBuild(cmd *cobra.Command, b *buildFlags) error {
	m := buildMessages
	printer, err := b.report.printer(c, b.site.source, c.stderr)
	if err != nil {
		return err
	}
	opts, root, err := b.site.open(cmd, c)
	if err != nil {
		return err
	}
	defer root.Close()
	opts.Dest, opts.BaseURL, opts.Strict = b.dest, b.baseURL, b.report.strict
	if opts.Dest == "" {
		opts.Dest = filepath.Join(b.site.source, "public")
	}
	if c.verbose {
		fmt.Fprintf(c.human(printer), m.Plan, b.site.source, opts.Dest, opts.Drafts, opts.Future)
	}
	done := c.progress(printer, fmt.Sprintf(m.Progress, b.site.source))
	res, err := build.Run(context.Background(), opts)
	done()
	if err != nil {
		return c.buildFailed(cmd, printer, opts.Dest, err)
	}
	if err := printer.Print(res.Warnings...); err != nil {
		return err
	}
	if !c.quiet {
		fmt.Fprintf(c.human(printer), m.Summary, buildSummary(res), opts.Dest)
	}
	if c.verbose {
		printSkipped(c.human(printer), res.Skipped, nil)
	}
	return nil
}

// buildSummary is "23 pages, 2 sections, 63 files, 1 warning in 37ms";
// the warnings are left out when there is none.
func buildSummary(res *build.Result) string {
	s := fmt.Sprintf("%s, %s, %s", diag.Count(res.Pages, "page"), diag.Count(res.Sections, "section"), diag.Count(res.Files, "file"))
	if n := len(res.Warnings); n > 0 {
		s += ", " + diag.Count(n, "warning")
	}
	return s + fmt.Sprintf(" in %v", res.Duration.Round(time.Millisecond))
}

// buildFailed reports a failed build: every problem found, errors and
// warnings, or the error that stopped it.
func (c *cli) buildFailed(cmd *cobra.Command, printer *report.Printer, dest string, err error) error {
	m := buildMessages
	var ce *build.ContentError
	if !errors.As(err, &ce) {
		return c.fail(cmd, "%v", err)
	}
	name := cmd.CommandPath()
	printer.Print(ce.Warnings...)
	switch {
	case errors.Is(err, build.ErrStrict):
		fmt.Fprintf(c.stderr, m.Strict, name, diag.Count(len(ce.Warnings), "warning"), dest)
	case printer.Format == report.Text:
		fmt.Fprintf(c.stderr, m.Errors, name)
		printer.Print(ce.Errors...)
	default:
		printer.Print(ce.Errors...)
		fmt.Fprintf(c.stderr, m.Failed, name, diag.Count(len(ce.Errors), "error"), diag.Count(len(ce.Warnings), "warning"), dest)
	}
	return failed
}
