package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/almanac-news/almanac/internal/build"
	"github.com/almanac-news/almanac/internal/memlimit"
	"github.com/almanac-news/almanac/internal/messages"
	"github.com/almanac-news/almanac/internal/site"
)

// checkText is what almanac check says.
type checkText struct {
	Short, Long, Example     string
	Progress, LeftOut, Draft string
	Future, NoDate, Summary  string
	Strict                   string
}

// checkMessages are what almanac check says, in English and Vietnamese.
var checkMessages = localized[checkText]{en: checkText{
	Short: "Check the whole site, links included, without writing anything",
	Long: `Check runs every stage of a build up to writing files (configuration, front matter,
figures, charts and their data, templates and layouts), goes on after errors so that one run
lists every problem of the site, and also checks that every link and picture of every body
leads to a page or file of the site. It writes nothing and needs no network. It prints every
error and warning with its file, line and column, then the drafts and future articles it left
out, then a summary; it exits with status 1 when there is an error, or a warning with --strict.`,
	Example: `  almanac check
  almanac check -s my-site --drafts --future
  almanac check --strict --format json > problems.jsonl`,
	Progress: "Checking %s …",
	LeftOut:  "Left out of the site (--drafts and --future check them as if published):\n",
	Draft:    "draft ",
	Future:   "future",
	NoDate:   "no date          ",
	Summary:  "Checked %s and %s: %s, %s.\n",
	Strict:   "%s: --strict makes %s fail the check\n",
}, vi: checkText{
	Short: "Kiểm tra toàn bộ trang, cả liên kết, mà không ghi gì",
	Long: `Check chạy mọi bước của một lần dựng cho đến trước khi ghi tệp (cấu hình, front matter,
số liệu, biểu đồ và dữ liệu của chúng, template và layout), vẫn chạy tiếp sau khi gặp lỗi để
một lần chạy liệt kê mọi vấn đề của trang, và kiểm tra thêm rằng mọi liên kết và ảnh trong
mọi bài đều dẫn tới một trang hay một tệp của trang. Lệnh không ghi gì và không cần mạng. Nó
in mọi lỗi và cảnh báo kèm tệp, dòng và cột, rồi các bài nháp và bài hẹn giờ đã bỏ ra, rồi
dòng tóm tắt; mã thoát là 1 khi có lỗi, hoặc có cảnh báo khi dùng --strict.`,
	Example: `  almanac check
  almanac check -s my-site --drafts --future
  almanac check --strict --format json > problems.jsonl`,
	Progress: "Đang kiểm tra %s …",
	LeftOut:  "Chưa đưa vào trang (--drafts và --future kiểm tra chúng như đã đăng):\n",
	Draft:    "nháp   ",
	Future:   "hẹn giờ",
	NoDate:   "chưa có ngày     ",
	Summary:  "Đã kiểm tra %s và %s: %s, %s.\n",
	Strict:   "%s: --strict khiến %s làm lần kiểm tra thất bại\n",
}}

func init() { register(newCheckCommand) }

func newCheckCommand(c *cli) *cobra.Command {
	m := checkMessages.in(c.lang)
	cmd := &cobra.Command{
		Use:     "check",
		Short:   m.Short,
		Long:    m.Long,
		Example: m.Example,
		Args:    c.noArgs,
	}
	s, r := addSiteFlags(cmd.Flags(), c.lang), addReportFlags(cmd.Flags(), c.lang)
	cmd.RunE = func(cmd *cobra.Command, _ []string) error { return c.runCheck(cmd, s, r) }
	return cmd
}

// runCheck validates the whole site as a build would, and more, without
// writing anything: it prints every problem, then the articles left out.
func (c *cli) runCheck(cmd *cobra.Command, s *siteFlags, r *reportFlags) error {
	m := checkMessages.in(c.lang)
	printer, err := r.printer(c, s.source, c.stdout)
	if err != nil {
		return err
	}
	opts, root, err := s.open(cmd, c)
	if err != nil {
		return err
	}
	defer root.Close()
	opts.Progress = &build.Progress{}
	done := c.progress(printer, fmt.Sprintf(m.Progress, s.source), opts.Progress)
	defer memlimit.Start(memoryBudget)()
	res, err := build.Check(context.Background(), opts)
	done()
	if err != nil {
		return c.fail(cmd, "%s", localizedError(c.lang, err))
	}
	if err := printer.Print(res.Problems...); err != nil {
		return err
	}
	if !c.quiet {
		out := c.human(printer)
		printSkipped(out, c.lang, res.Skipped, cmp.Or(res.Config.Location, time.UTC))
		fmt.Fprintf(out, m.Summary, messages.Count(c.lang, res.Pages, "page"), messages.Count(c.lang, res.Links, "link"),
			messages.Count(c.lang, len(res.Errors()), "error"), messages.Count(c.lang, len(res.Warnings()), "warning"))
	}
	switch warnings := len(res.Warnings()); {
	case len(res.Errors()) > 0:
		return failed
	case r.strict && warnings > 0:
		fmt.Fprintf(c.stderr, m.Strict, cmd.CommandPath(), messages.Count(c.lang, warnings, "warning"))
		return failed
	}
	return nil
}

// printSkipped lists the drafts and future articles left out, with their
// dates in loc (their own zone when loc is nil).
func printSkipped(w io.Writer, l messages.Language, skipped []*site.Page, loc *time.Location) {
	m := checkMessages.in(l)
	if len(skipped) > 0 {
		fmt.Fprint(w, m.LeftOut)
	}
	for _, p := range skipped {
		why := m.Future
		if p.Draft {
			why = m.Draft
		}
		date := m.NoDate
		if !p.Date.IsZero() {
			d := p.Date
			if loc != nil {
				d = d.In(loc)
			}
			date = d.Format("2006-01-02 15:04 -07:00")
		}
		fmt.Fprintf(w, "  %s  %s  %s  %s\n", why, date, p.Source, printable(p.Title))
	}
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
