package main

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/almanac-news/almanac/internal/config"
	"github.com/almanac-news/almanac/internal/messages"
	"github.com/almanac-news/almanac/internal/scaffold"
	"github.com/almanac-news/almanac/internal/slug"
)

// newText is what almanac new, new site and new article say.
type newText struct {
	Short, Long, Example                                  string
	SiteShort, SiteLong, SiteExample, Lang                string
	ArticleShort, ArticleLong, ArticleExample, Bundle     string
	WhatToMake, CannotMake, SiteFolder, BadLang, NotEmpty string
	Wrote, ArticleArgs, BadSection, NoSlug, FixConfig     string
}

// newMessages are what almanac new, new site and new article say, in
// English and Vietnamese.
var newMessages = localized[newText]{en: newText{
	Short: "Write a new site or a new article",
	Long: `New writes the first files of a site or of an article, so that you start from something
that builds: "new site" a small working site, "new article" a draft article with its front
matter filled in. It never overwrites a file.`,
	Example: `  almanac new site my-site
  almanac new article tin-tuc "Giá xăng tăng 3%"`,
	SiteShort: "Write a small working site into a new or empty folder",
	SiteLong: `New site writes a small working site into DIR, which must be new or empty: almanac.toml,
a home page, one section and one article with figures, figure cards and a chart. The site and
its article are in Vietnamese, or in English with --lang en.`,
	SiteExample: `  almanac new site my-site
  almanac new site my-site --lang en`,
	Lang:         "`language` of the site and its sample article: vi or en",
	ArticleShort: "Write a new draft article with its front matter filled in",
	ArticleLong: `New article writes content/SECTION/<slug>.md, the slug made from the title, and prints its
path. The article is dated now in the site's time zone, credits the site's author, is marked
draft: true and shows, in comments, how to add figures and a chart. With --bundle it is a
folder, content/SECTION/<slug>/index.md, ready for the article's pictures, audio and CSV files,
which go beside index.md; its comments show how to use them.`,
	ArticleExample: `  almanac new article tin-tuc "Giá xăng tăng 3%"
  almanac new article news "Exports fall 15%" --bundle -s my-site`,
	Bundle:      "write a page bundle, SECTION/<slug>/index.md, ready for pictures, audio and CSV",
	WhatToMake:  `say what to make: almanac new site DIR, or almanac new article SECTION "Title"`,
	CannotMake:  "cannot make a %q; make a site or an article",
	SiteFolder:  "give the folder to write the site into: almanac new site my-site",
	BadLang:     "--lang %q is not a language Almanac writes; use %s",
	NotEmpty:    "%s is not empty; give a new or empty folder, so that none of your files is overwritten",
	Wrote:       "Wrote a new site into %s. Preview it with\n  almanac serve --source %s\nor build it into %s with\n  almanac build --source %s\n",
	ArticleArgs: `give a section and a title: almanac new article tin-tuc "Tiêu đề bài viết"`,
	BadSection:  "section %q is not a folder name Almanac uses as it is; use only a-z, 0-9, -, _ and ., e.g. %s",
	NoSlug:      "title %q has no letters or digits to make a file name from",
	FixConfig:   "fix almanac.toml first:\n%v",
}, vi: newText{
	Short: "Tạo một trang mới hoặc một bài viết mới",
	Long: `New ghi những tệp đầu tiên của một trang hay của một bài viết, để bạn bắt đầu từ thứ dựng
được ngay: "new site" tạo một trang nhỏ chạy được, "new article" tạo một bài nháp đã điền sẵn
front matter. Lệnh không bao giờ ghi đè một tệp.`,
	Example: `  almanac new site my-site
  almanac new article tin-tuc "Giá xăng tăng 3%"`,
	SiteShort: "Ghi một trang nhỏ chạy được vào một thư mục mới hoặc trống",
	SiteLong: `New site ghi một trang nhỏ chạy được vào DIR, thư mục này phải mới hoặc trống: almanac.toml,
trang chủ, một chuyên mục và một bài viết có số liệu, thẻ số liệu và một biểu đồ. Trang và bài
viết bằng tiếng Việt, hoặc bằng tiếng Anh với --lang en.`,
	SiteExample: `  almanac new site my-site
  almanac new site my-site --lang en`,
	ArticleShort: "Ghi một bài nháp mới đã điền sẵn front matter",
	ArticleLong: `New article ghi content/SECTION/<slug>.md, slug lấy từ tiêu đề, và in đường dẫn của tệp.
Bài được ghi ngày giờ hiện tại theo múi giờ của trang, ghi tên tác giả của trang, đánh dấu
draft: true và có chú thích chỉ cách thêm số liệu và biểu đồ. Với --bundle, bài là một thư
mục, content/SECTION/<slug>/index.md, sẵn chỗ cho ảnh, âm thanh và tệp CSV của bài, đặt cạnh
index.md; chú thích trong bài chỉ cách dùng chúng.`,
	ArticleExample: `  almanac new article tin-tuc "Giá xăng tăng 3%"
  almanac new article news "Exports fall 15%" --bundle -s my-site`,
	Bundle:      "ghi một page bundle, SECTION/<slug>/index.md, sẵn chỗ cho ảnh, âm thanh và CSV",
	Lang:        "ngôn ngữ của trang và bài viết mẫu: `vi` hoặc en",
	WhatToMake:  `hãy nói cần tạo gì: almanac new site DIR, hoặc almanac new article SECTION "Tiêu đề"`,
	CannotMake:  "không tạo được %q; hãy tạo một trang (site) hoặc một bài viết (article)",
	SiteFolder:  "hãy cho biết thư mục để ghi trang: almanac new site my-site",
	BadLang:     "--lang %q không phải ngôn ngữ Almanac viết được; hãy dùng %s",
	NotEmpty:    "%s không trống; hãy chọn một thư mục mới hoặc trống, để không tệp nào của bạn bị ghi đè",
	Wrote:       "Đã ghi trang mới vào %s. Xem trước bằng\n  almanac serve --source %s\nhoặc dựng vào %s bằng\n  almanac build --source %s\n",
	ArticleArgs: `hãy cho biết chuyên mục và tiêu đề: almanac new article tin-tuc "Tiêu đề bài viết"`,
	BadSection:  "chuyên mục %q không phải tên thư mục Almanac dùng được nguyên dạng; chỉ dùng a-z, 0-9, -, _ và ., ví dụ %s",
	NoSlug:      "tiêu đề %q không có chữ hay số nào để đặt tên tệp",
	FixConfig:   "hãy sửa almanac.toml trước:\n%v",
}}

func init() { register(newNewCommand) }

func newNewCommand(c *cli) *cobra.Command {
	m := newMessages.in(c.lang)
	cmd := &cobra.Command{
		Use:     "new",
		Short:   m.Short,
		Long:    m.Long,
		Example: m.Example,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("%s", m.WhatToMake)
			}
			return usageError{fmt.Sprintf(m.CannotMake, args[0]) + c.suggestions(cmd.SuggestionsFor(args[0]))}
		},
	}
	cmd.AddCommand(newSiteCommand(c), newArticleCommand(c))
	return cmd
}

func newSiteCommand(c *cli) *cobra.Command {
	m := newMessages.in(c.lang)
	var lang string
	cmd := &cobra.Command{
		Use:     "site DIR",
		Short:   m.SiteShort,
		Long:    m.SiteLong,
		Example: m.SiteExample,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("%s", m.SiteFolder)
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error { return c.runNewSite(cmd, args[0], lang) },
	}
	cmd.Flags().StringVar(&lang, "lang", "vi", m.Lang)
	return cmd
}

func (c *cli) runNewSite(cmd *cobra.Command, dir, lang string) error {
	m := newMessages.in(c.lang)
	if !slices.Contains(scaffold.Languages(), lang) {
		return usagef(m.BadLang, lang, strings.Join(scaffold.Languages(), " or "))
	}
	if err := scaffold.WriteSite(dir, lang); err != nil {
		if errors.Is(err, scaffold.ErrNotEmpty) {
			return c.fail(cmd, m.NotEmpty, dir)
		}
		return c.fail(cmd, "%s", localizedError(c.lang, err))
	}
	if !c.quiet {
		fmt.Fprintf(c.stdout, m.Wrote, dir, dir, filepath.Join(dir, "public"), dir)
	}
	return nil
}

func newArticleCommand(c *cli) *cobra.Command {
	m := newMessages.in(c.lang)
	var source string
	var bundle bool
	cmd := &cobra.Command{
		Use:     `article SECTION "Title"`,
		Short:   m.ArticleShort,
		Long:    m.ArticleLong,
		Example: m.ArticleExample,
		Args:    func(_ *cobra.Command, args []string) error { return checkArticleArgs(c.lang, args, source) },
		RunE: func(cmd *cobra.Command, args []string) error {
			return c.runNewArticle(cmd, source, args[0], args[1], bundle)
		},
	}
	cmd.Flags().StringVarP(&source, "source", "s", ".", flagMessages.in(c.lang).Source)
	cmd.Flags().BoolVar(&bundle, "bundle", false, m.Bundle)
	return cmd
}

func (c *cli) runNewArticle(cmd *cobra.Command, source, section, title string, bundle bool) error {
	cfg, problems := config.Load(os.DirFS(source), "almanac.toml")
	if err := problems.Err(); err != nil {
		return c.fail(cmd, newMessages.in(c.lang).FixConfig, localizedError(c.lang, err))
	}
	md, err := scaffold.Article{Title: title, Date: time.Now().In(cfg.Location), Author: cfg.Author,
		Lang: cfg.Language, Bundle: bundle}.Markdown()
	if err != nil {
		return c.fail(cmd, "%s", localizedError(c.lang, err))
	}
	file, err := scaffold.WriteArticle(source, section, slug.Make(title), bundle, md)
	if err != nil {
		return c.fail(cmd, "%s", localizedError(c.lang, err))
	}
	fmt.Fprintln(c.stdout, file)
	return nil
}

// checkArticleArgs checks the section, the title and the site folder.
func checkArticleArgs(l messages.Language, args []string, source string) error {
	m := newMessages.in(l)
	if len(args) != 2 {
		return usagef("%s", m.ArticleArgs)
	}
	section, title := args[0], args[1]
	if !slug.Valid(section) {
		return usagef(m.BadSection, section, cmp.Or(slug.Make(section), "tin-tuc"))
	}
	if slug.Make(title) == "" {
		return usagef(m.NoSlug, title)
	}
	if st, err := os.Stat(source); err != nil || !st.IsDir() {
		return usagef(flagMessages.in(l).NotFolder, source)
	}
	return nil
}
