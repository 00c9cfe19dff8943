package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// rootMessages are what the root command says; a message catalog can
// replace them.
var rootMessages = struct {
	Short, Long, Example               string
	Quiet, Verbose, Version            string
	SeeHelp, QuietAndVerbose           string
	HelpShort, HelpLong, UnknownTopic  string
	UnknownFlag, DidYouMean, FlagUsage string
	WhichShell, NoShell                string
}{
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
}

func init() { cobra.EnableCommandSorting = true }

// newRootCommand is almanac itself: it builds, as almanac build does, and
// holds every subcommand.
func newRootCommand(c *cli) *cobra.Command {
	m := rootMessages
	root := &cobra.Command{
		Use:               "almanac",
		Short:             m.Short,
		Long:              m.Long,
		Example:           m.Example,
		Version:           versionText(),
		SilenceErrors:     true,
		SilenceUsage:      true,
		PersistentPreRunE: func(*cobra.Command, []string) error { return c.checkGlobalFlags() },
	}
	root.SetOut(c.stdout)
	root.SetErr(c.stderr)
	root.SetVersionTemplate("{{.Version}}")
	root.PersistentFlags().BoolVarP(&c.quiet, "quiet", "q", false, m.Quiet)
	root.PersistentFlags().BoolVarP(&c.verbose, "verbose", "v", false, m.Verbose)
	root.Flags().Bool("version", false, m.Version)
	b := addBuildFlags(root.Flags())
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
			return usageError{fmt.Sprintf(m.NoShell, args[0]) + suggestions(cmd.SuggestionsFor(args[0]))}
		}
	}
	root.SetHelpCommand(newHelpCommand(root))
	root.InitDefaultHelpCmd()
	root.SetFlagErrorFunc(flagError)
	root.SetGlobalNormalizationFunc(normalizeFlag)
	return root
}

func (c *cli) checkGlobalFlags() error {
	if c.quiet && c.verbose {
		return usagef("%s", rootMessages.QuietAndVerbose)
	}
	return nil
}

// newHelpCommand is "almanac help COMMAND": unlike cobra's own, it fails
// with a suggestion for a command that does not exist.
func newHelpCommand(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: rootMessages.HelpShort,
		Long:  rootMessages.HelpLong,
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
				msg := fmt.Sprintf(rootMessages.UnknownTopic, strings.Join(args, " "))
				return usageError{msg + suggestions(target.SuggestionsFor(rest[0]))}
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
func flagError(cmd *cobra.Command, err error) error {
	name, ok := strings.CutPrefix(err.Error(), "unknown flag: ")
	if !ok {
		return usagef(rootMessages.FlagUsage, err)
	}
	return usageError{fmt.Sprintf(rootMessages.UnknownFlag, name) + suggestions(flagSuggestions(cmd, name))}
}
