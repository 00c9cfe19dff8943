package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/almanac-news/almanac/internal/messages"
)

// rootText is what the root command says.
type rootText struct {
	Short, Long, Example               string
	Quiet, Verbose, Version, Lang      string
	SeeHelp, QuietAndVerbose, BadLang  string
	HelpShort, HelpLong, UnknownTopic  string
	UnknownFlag, DidYouMean, FlagUsage string
	WhichShell, NoShell, UnknownCmd    string
}

// rootMessages are what the root command says, in English and Vietnamese.
var rootMessages = localized[rootText]{en: rootText{
	Short: "Build static news sites from Markdown articles with figures",
	Long: `almanac turns a folder of Markdown articles whose front matter lists the figures they
report into a complete static news site: article pages with figure cards, charts with their
data tables and CSV downloads, section, tag and author lists, feeds and sitemaps. Run alone,
it builds the site in the current folder into public/, exactly as "almanac build" does.`,
	Example: `  almanac                          # build the site in this folder into public/
  almanac serve                    # preview it at http://127.0.0.1:1313/ while you write
  almanac new site my-site         # start a new site
  almanac check --strict           # in CI: fail on any error or warning`,
	Quiet:           "print only problems and errors, no summary",
	Verbose:         "also print what the command does along the way",
	Version:         "print the version, commit and build date",
	SeeHelp:         "Run '%s' for usage.\n",
	QuietAndVerbose: "--quiet and --verbose cannot be used together",
	HelpShort:       "Print the help of a command",
	HelpLong: `Help prints the help of the command it names: what the command does, its flags and
examples. "almanac help new article" prints the help of a subcommand.`,
	UnknownTopic: "no command %q",
	UnknownFlag:  "unknown flag %s",
	DidYouMean:   "\n\nDid you mean this?\n",
	FlagUsage:    "%v",
	WhichShell:   "name the shell: bash, zsh, fish or powershell",
	NoShell:      "no completion for the shell %q; Almanac writes completion for bash, zsh, fish and powershell",
	Lang:         "`language` of the messages, vi or en (default: the site's language, else en)",
	BadLang:      "--lang %q is not a language of Almanac's messages; use vi or en",
	UnknownCmd:   "unknown command %q for %q",
}, vi: rootText{
	Short: "Dựng trang tin tĩnh từ các bài viết Markdown có số liệu",
	Long: `almanac biến một thư mục bài viết Markdown, mỗi bài ghi trong front matter các số liệu nó
đưa tin, thành một trang tin tĩnh hoàn chỉnh: trang bài viết có thẻ số liệu, biểu đồ kèm bảng
dữ liệu và tệp CSV để tải về, danh sách theo chuyên mục, thẻ và tác giả, nguồn tin và sitemap.
Chạy một mình, lệnh dựng trang trong thư mục hiện tại vào public/, đúng như "almanac build".`,
	Example: `  almanac                          # dựng trang trong thư mục này vào public/
  almanac serve                    # xem trước tại http://127.0.0.1:1313/ trong lúc viết
  almanac new site my-site         # bắt đầu một trang mới
  almanac check --strict           # trong CI: thất bại khi có bất kỳ lỗi hay cảnh báo nào`,
	HelpLong: `Help in phần trợ giúp của lệnh được nêu tên: lệnh đó làm gì, các cờ và ví dụ của nó.
"almanac help new article" in phần trợ giúp của một lệnh con.`,
	Quiet:           "chỉ in lỗi và cảnh báo, không in dòng tóm tắt",
	Verbose:         "in thêm từng việc lệnh làm",
	Version:         "in phiên bản, commit và ngày dựng",
	Lang:            "ngôn ngữ của thông báo, `vi` hoặc en (mặc định: ngôn ngữ của trang, nếu không thì en)",
	SeeHelp:         "Chạy '%s' để xem cách dùng.\n",
	QuietAndVerbose: "không dùng được --quiet cùng với --verbose",
	BadLang:         "--lang %q không phải ngôn ngữ thông báo của Almanac; hãy dùng vi hoặc en",
	HelpShort:       "In phần trợ giúp của một lệnh",
	UnknownTopic:    "không có lệnh %q",
	UnknownFlag:     "không có cờ %s",
	DidYouMean:      "\n\nCó phải ý bạn là:\n",
	FlagUsage:       "%v",
	WhichShell:      "hãy nêu tên shell: bash, zsh, fish hoặc powershell",
	NoShell:         "không có tệp hoàn thành lệnh cho shell %q; Almanac viết tệp này cho bash, zsh, fish và powershell",
	UnknownCmd:      "không có lệnh %q trong %q",
}}

func init() { cobra.EnableCommandSorting = true }

// newRootCommand is almanac itself: it builds, as almanac build does, and
// holds every subcommand.
func newRootCommand(c *cli) *cobra.Command {
	m := rootMessages.in(c.lang)
	root := &cobra.Command{
		Use:               "almanac",
		Short:             m.Short,
		Long:              m.Long,
		Example:           m.Example,
		Version:           versionOf(c.lang),
		SilenceErrors:     true,
		SilenceUsage:      true,
		PersistentPreRunE: func(*cobra.Command, []string) error { return c.checkGlobalFlags() },
	}
	root.SetOut(c.stdout)
	root.SetErr(c.stderr)
	root.SetVersionTemplate("{{.Version}}")
	root.PersistentFlags().BoolVarP(&c.quiet, "quiet", "q", false, m.Quiet)
	root.PersistentFlags().BoolVarP(&c.verbose, "verbose", "v", false, m.Verbose)
	root.PersistentFlags().StringVar(&c.langFlag, "lang", "", m.Lang)
	root.Flags().Bool("version", false, m.Version)
	b := addBuildFlags(root.Flags(), c.lang)
	root.RunE = func(cmd *cobra.Command, _ []string) error { return c.runBuild(cmd, b) }
	for _, make := range commands {
		root.AddCommand(make(c))
	}
	root.InitDefaultCompletionCmd()
	if completion, _, err := root.Find([]string{"completion"}); err == nil && completion != root {
		completion.RunE = func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("%s", m.WhichShell)
			}
			return usageError{fmt.Sprintf(m.NoShell, args[0]) + c.suggestions(cmd.SuggestionsFor(args[0]))}
		}
	}
	root.SetHelpCommand(c.newHelpCommand(root))
	root.InitDefaultHelpCmd()
	localizeUsage(root, c.lang)
	root.SetFlagErrorFunc(c.flagError)
	root.SetGlobalNormalizationFunc(normalizeFlag)
	return root
}

func (c *cli) checkGlobalFlags() error {
	m := rootMessages.in(c.lang)
	if c.quiet && c.verbose {
		return usagef("%s", m.QuietAndVerbose)
	}
	if _, ok := messages.ParseLanguage(c.langFlag); c.langFlag != "" && !ok {
		return usagef(m.BadLang, c.langFlag)
	}
	return nil
}

// newHelpCommand is "almanac help COMMAND": unlike cobra's own, it fails
// with a suggestion for a command that does not exist.
func (c *cli) newHelpCommand(root *cobra.Command) *cobra.Command {
	m := rootMessages.in(c.lang)
	return &cobra.Command{
		Use:   "help [command]",
		Short: m.HelpShort,
		Long:  m.HelpLong,
		Example: `  almanac help build
  almanac help new article`,
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return commandNames(root, args), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			target, rest, err := root.Find(args)
			if err != nil {
				return err
			}
			if len(rest) > 0 {
				msg := fmt.Sprintf(m.UnknownTopic, strings.Join(args, " "))
				return usageError{msg + c.suggestions(target.SuggestionsFor(rest[0]))}
			}
			target.InitDefaultHelpFlag() // as "COMMAND --help" shows it
			return target.Help()
		},
	}
}

// commandNames lists the subcommands below the command args name.
func commandNames(root *cobra.Command, args []string) []cobra.Completion {
	parent, _, err := root.Find(args)
	if err != nil {
		return nil
	}
	var names []cobra.Completion
	for _, sub := range parent.Commands() {
		if sub.IsAvailableCommand() {
			names = append(names, sub.Name())
		}
	}
	return names
}

// flagAliases are other names of flags: Hugo's, and spellings the
// documentation once used.
var flagAliases = map[string]string{
	"buildDrafts":        "drafts",
	"buildFuture":        "future",
	"baseURL":            "base-url",
	"baseUrl":            "base-url",
	"destination":        "dest",
	"warnings-as-errors": "strict",
}

func normalizeFlag(_ *pflag.FlagSet, name string) pflag.NormalizedName {
	if to, ok := flagAliases[name]; ok {
		name = to
	}
	return pflag.NormalizedName(name)
}

// flagError makes a flag parsing error a usage error, suggesting the
// flag that was perhaps meant.
func (c *cli) flagError(cmd *cobra.Command, err error) error {
	m := rootMessages.in(c.lang)
	name, ok := strings.CutPrefix(err.Error(), "unknown flag: ")
	if !ok {
		return usagef(m.FlagUsage, err)
	}
	return usageError{fmt.Sprintf(m.UnknownFlag, name) + c.suggestions(flagSuggestions(cmd, name))}
}
