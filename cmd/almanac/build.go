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
	"github.com/almanac-news/almanac/internal/memlimit"
	"github.com/almanac-news/almanac/internal/messages"
	"github.com/almanac-news/almanac/internal/report"
)

// buildText is what almanac build says.
type buildText struct {
	Short, Long, Example    string
	Progress, Summary, Plan string
	Errors, Strict, Failed  string
	Counts, Took            string
	Fresh, Cached, NoCache  string
}

// buildMessages are what almanac build says, in English and Vietnamese.
var buildMessages = localized[buildText]{en: buildText{
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
	Counts:   "%s, %s, %s",
	Took:     "%s in %v",
	Fresh:    "render every page again, emptying the build cache (<source>/.almanac-cache) first",
	Cached:   "%d of %s unchanged, linked from the build cache %s\n",
	NoCache:  "note: %v; every page was rendered\n",
}, vi: buildText{
	Short: "Dựng trang vào public/",
	Long: `Build đọc thư mục của trang (almanac.toml, content/, layouts/, assets/, data/), dựng mọi
trang, bảng biểu đồ, tệp CSV, nguồn tin và sitemap, rồi ghi chúng vào public/ (hoặc --dest).
Thư mục đích chỉ được thay trọn vẹn khi mọi việc thành công: lần dựng gặp lỗi sẽ liệt kê mọi
vấn đề kèm tệp, dòng và cột của nó, và không thay đổi gì. Cảnh báo cũng được in ra và đếm
trong dòng tóm tắt; với --strict, cảnh báo làm lần dựng thất bại như lỗi.`,
	Example: `  almanac build
  almanac build -s my-site -d /tmp/preview --drafts --future
  almanac build --base-url https://staging.example.org/
  almanac build --strict --format github     # trong một job GitHub Actions`,
	Progress: "Đang dựng %s …",
	Summary:  "Đã dựng %s → %s\n",
	Plan:     "Dựng %s vào %s (bản nháp: %v, bài hẹn giờ: %v)\n",
	Errors:   "%s: trang có lỗi:\n",
	Strict:   "%s: --strict khiến %s làm hỏng lần dựng; %s được giữ nguyên\n",
	Failed:   "%s: trang có lỗi (%s, %s); %s được giữ nguyên\n",
	Counts:   "%s, %s, %s",
	Took:     "%s trong %v",
	Fresh:    "dựng lại mọi trang, xoá bộ nhớ đệm dựng (<source>/.almanac-cache) trước",
	Cached:   "%d trong %s không đổi, lấy từ bộ nhớ đệm dựng %s\n",
	NoCache:  "lưu ý: %v; mọi trang đều được dựng\n",
}}

func init() { register(newBuildCommand) }

func newBuildCommand(c *cli) *cobra.Command {
	m := buildMessages.in(c.lang)
	cmd := &cobra.Command{
		Use:     "build",
		Short:   m.Short,
		Long:    m.Long,
		Example: m.Example,
		Args:    c.noArgs,
	}
	b := addBuildFlags(cmd.Flags(), c.lang)
	cmd.RunE = func(cmd *cobra.Command, _ []string) error { return c.runBuild(cmd, b) }
	return cmd
}

// buildFlags are the flags of almanac build, which almanac alone takes too.
type buildFlags struct {
	site                   *siteFlags
	report                 *reportFlags
	dest, baseURL, profile string
	fresh                  bool
}

func addBuildFlags(fl *pflag.FlagSet, l messages.Language) *buildFlags {
	m := flagMessages.in(l)
	b := &buildFlags{site: addSiteFlags(fl, l), report: addReportFlags(fl, l)}
	fl.StringVarP(&b.dest, "dest", "d", "", m.Dest)
	fl.StringVarP(&b.baseURL, "base-url", "b", "", m.BaseURL)
	fl.StringVar(&b.profile, "profile", "", progressMessages.in(l).Profile)
	fl.BoolVar(&b.fresh, "fresh", false, buildMessages.in(l).Fresh)
	return b
}

// memoryBudget is the memory almanac build and check keep to while the
// site's live data is less than half of it (package memlimit; the
// environment variable GOMEMLIMIT overrides it): a 100,000-article
// archive builds in less than 1 GiB.
const memoryBudget = 900 << 20

func (c *cli) runBuild(cmd *cobra.Command, b *buildFlags) error {
	m := buildMessages.in(c.lang)
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
	opts.Cache, opts.Fresh = filepath.Join(b.site.source, ".almanac-cache"), b.fresh
	if c.verbose {
		fmt.Fprintf(c.human(printer), m.Plan, b.site.source, opts.Dest, opts.Drafts, opts.Future)
	}
	opts.Progress = &build.Progress{}
	if b.profile != "" {
		stop, err := startProfile(b.profile, &opts)
		if err != nil {
			return c.fail(cmd, progressMessages.in(c.lang).NoProfile, b.profile, localizedError(c.lang, err))
		}
		defer stop()
	}
	done := c.progress(printer, fmt.Sprintf(m.Progress, b.site.source), opts.Progress)
	defer memlimit.Start(memoryBudget)()
	res, err := build.Run(context.Background(), opts)
	done()
	if err != nil {
		return c.buildFailed(cmd, printer, opts.Dest, err)
	}
	if err := printer.Print(res.Warnings...); err != nil {
		return err
	}
	if !c.quiet {
		fmt.Fprintf(c.human(printer), m.Summary, buildSummary(c.lang, res), opts.Dest)
	}
	if res.CacheErr != nil {
		fmt.Fprintf(c.stderr, m.NoCache, localizedError(c.lang, res.CacheErr))
	}
	if c.verbose {
		fmt.Fprintf(c.human(printer), m.Cached, res.Cached, messages.Count(c.lang, res.Pages, "page"), opts.Cache)
		printSkipped(c.human(printer), c.lang, res.Skipped, nil)
	}
	return nil
}

// buildSummary is "23 pages, 2 sections, 63 files, 1 warning in 37ms"
// ("23 trang, 2 chuyên mục, 63 tệp, 1 cảnh báo trong 37ms"); the
// warnings are left out when there is none.
func buildSummary(l messages.Language, res *build.Result) string {
	m := buildMessages.in(l)
	s := fmt.Sprintf(m.Counts, messages.Count(l, res.Pages, "page"), messages.Count(l, res.Sections, "section"),
		messages.Count(l, res.Files, "file"))
	if n := len(res.Warnings); n > 0 {
		s += ", " + messages.Count(l, n, "warning")
	}
	return fmt.Sprintf(m.Took, s, res.Duration.Round(time.Millisecond))
}

// buildFailed reports a failed build: every problem found, errors and
// warnings, or the error that stopped it.
func (c *cli) buildFailed(cmd *cobra.Command, printer *report.Printer, dest string, err error) error {
	m := buildMessages.in(c.lang)
	var ce *build.ContentError
	if !errors.As(err, &ce) {
		return c.fail(cmd, "%s", localizedError(c.lang, err))
	}
	name := cmd.CommandPath()
	printer.Print(ce.Warnings...)
	switch {
	case errors.Is(err, build.ErrStrict):
		fmt.Fprintf(c.stderr, m.Strict, name, messages.Count(c.lang, len(ce.Warnings), "warning"), dest)
	case printer.Format == report.Text:
		fmt.Fprintf(c.stderr, m.Errors, name)
		printer.Print(ce.Errors...)
	default:
		printer.Print(ce.Errors...)
		fmt.Fprintf(c.stderr, m.Failed, name, messages.Count(c.lang, len(ce.Errors), "error"),
			messages.Count(c.lang, len(ce.Warnings), "warning"), dest)
	}
	return failed
}
