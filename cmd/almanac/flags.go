package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/almanac-news/almanac"
	"github.com/almanac-news/almanac/internal/build"
	"github.com/almanac-news/almanac/internal/messages"
	"github.com/almanac-news/almanac/internal/report"
)

// flagText is the flags' descriptions and the messages about them.
type flagText struct {
	Source, Drafts, Future, Dest, BaseURL, Format, Strict string
	Unexpected, NotFolder, NotSite, BadFormat             string
}

// flagMessages are the flags' descriptions and the messages about them,
// in English and Vietnamese.
var flagMessages = localized[flagText]{en: flagText{
	Source:     "site `folder` holding almanac.toml and content/",
	Drafts:     "include articles marked draft: true (also --buildDrafts)",
	Future:     "include articles dated in the future (also --buildFuture)",
	Dest:       "output `folder` (default <source>/public; also --destination)",
	BaseURL:    "absolute `URL` the site is published at, overriding almanac.toml (also --baseURL)",
	Format:     "problems printed as `text`, github or json (default github when GITHUB_ACTIONS=true, else text)",
	Strict:     "fail (exit 1) on any warning, as on an error (also --warnings-as-errors)",
	Unexpected: "unexpected argument %q",
	NotFolder:  "%s is not a folder; pass the site folder with --source",
	NotSite:    "%s holds neither almanac.toml nor content/, so it is not an Almanac site; pass the site folder with --source, or make a site with almanac new site DIR",
	BadFormat:  "--format: %q is not a format; use text, github or json",
}, vi: flagText{
	Source:     "thư mục `DIR` của trang, chứa almanac.toml và content/",
	Drafts:     "gồm cả các bài ghi draft: true (cũng là --buildDrafts)",
	Future:     "gồm cả các bài có ngày trong tương lai (cũng là --buildFuture)",
	Dest:       "thư mục ra `DIR` (mặc định <source>/public; cũng là --destination)",
	BaseURL:    "`URL` tuyệt đối nơi trang được đăng, thay cho giá trị trong almanac.toml (cũng là --baseURL)",
	Format:     "in các vấn đề dạng `text`, github hoặc json (mặc định github khi GITHUB_ACTIONS=true, nếu không thì text)",
	Strict:     "thất bại (mã thoát 1) khi có bất kỳ cảnh báo nào, như khi có lỗi (cũng là --warnings-as-errors)",
	Unexpected: "không cần tham số %q",
	NotFolder:  "%s không phải thư mục; hãy chỉ thư mục của trang bằng --source",
	NotSite:    "%s không có almanac.toml lẫn content/, nên không phải một trang Almanac; hãy chỉ thư mục của trang bằng --source, hoặc tạo trang mới bằng almanac new site DIR",
	BadFormat:  "--format: %q không phải một định dạng; hãy dùng text, github hoặc json",
}}

// siteFlags are the flags that name a site and what of it to build.
type siteFlags struct {
	source         string
	drafts, future bool
}

func addSiteFlags(fl *pflag.FlagSet, l messages.Language) *siteFlags {
	m := flagMessages.in(l)
	f := &siteFlags{}
	fl.StringVarP(&f.source, "source", "s", ".", m.Source)
	fl.BoolVarP(&f.drafts, "drafts", "D", false, m.Drafts)
	fl.BoolVarP(&f.future, "future", "F", false, m.Future)
	return f
}

// open checks that the source is a site folder and opens it. The site is
// read through an os.Root, which refuses to follow a link out of the site
// folder; the caller closes it when the command ends.
func (f *siteFlags) open(cmd *cobra.Command, c *cli) (build.Options, io.Closer, error) {
	m := flagMessages.in(c.lang)
	if st, err := os.Stat(f.source); err != nil || !st.IsDir() {
		return build.Options{}, nil, usagef(m.NotFolder, f.source)
	}
	if !exists(filepath.Join(f.source, "almanac.toml")) && !exists(filepath.Join(f.source, "content")) {
		return build.Options{}, nil, usagef(m.NotSite, f.source)
	}
	root, err := os.OpenRoot(f.source)
	if err != nil {
		return build.Options{}, nil, c.fail(cmd, "%s", localizedError(c.lang, err))
	}
	return build.Options{Site: root.FS(), Theme: almanac.Theme(), Drafts: f.drafts, Future: f.future}, root, nil
}

func exists(name string) bool {
	_, err := os.Stat(name)
	return !errors.Is(err, fs.ErrNotExist)
}

// noArgs refuses positional arguments.
func (c *cli) noArgs(_ *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef(flagMessages.in(c.lang).Unexpected, args[0])
	}
	return nil
}

// reportFlags say how problems are printed and whether warnings fail.
type reportFlags struct {
	format string
	strict bool
}

func addReportFlags(fl *pflag.FlagSet, l messages.Language) *reportFlags {
	m := flagMessages.in(l)
	f := &reportFlags{}
	fl.StringVar(&f.format, "format", "", m.Format)
	fl.BoolVar(&f.strict, "strict", false, m.Strict)
	return f
}

// printer is the problem printer the flags ask for. Text goes to text,
// the other formats, which tools read, to standard output.
func (f *reportFlags) printer(c *cli, source string, text io.Writer) (*report.Printer, error) {
	format := report.Auto(c.getenv)
	if f.format != "" {
		var err error
		if format, err = report.ParseFormat(f.format); err != nil {
			return nil, usagef(flagMessages.in(c.lang).BadFormat, f.format)
		}
	}
	p := &report.Printer{W: c.stdout, Format: format, Dir: source, Lang: c.lang}
	if format == report.Text {
		p.W = text
	}
	return p, nil
}

// human is where a command writes what people read (summaries, lists):
// standard output, except in the json format, which keeps standard output
// for JSON.
func (c *cli) human(p *report.Printer) io.Writer {
	if p.Format == report.JSON {
		return c.stderr
	}
	return c.stdout
}

// fail prints "almanac CMD: message" and returns the error for exit 1.
func (c *cli) fail(cmd *cobra.Command, format string, args ...any) error {
	fmt.Fprintf(c.stderr, "%s: %s\n", cmd.CommandPath(), fmt.Sprintf(format, args...))
	return failed
}
