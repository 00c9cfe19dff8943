package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/almanac-news/almanac/internal/messages"
)

// usageText is what cobra itself prints in a help text: the headings of
// its usage template, the --help flag's description, and the completion
// command's help.
type usageText struct {
	Usage, Aliases, Examples, Commands, Flags, GlobalFlags, MoreHelp string
	Default, HelpFor                                                 string
	CompletionShort, CompletionLong, ShellShort, NoDescriptions      string
	BashLong, ZshLong, FishLong, PowershellLong                      string
}

// usageMessages are cobra's own words in English, as cobra says them, and
// in Vietnamese.
var usageMessages = localized[usageText]{en: usageText{
	Usage:           "Usage:",
	Aliases:         "Aliases:",
	Examples:        "Examples:",
	Commands:        "Available Commands:",
	Flags:           "Flags:",
	GlobalFlags:     "Global Flags:",
	MoreHelp:        `Use "{{.CommandPath}} [command] --help" for more information about a command.`,
	Default:         " (default ",
	HelpFor:         "help for %s",
	CompletionShort: "Generate the autocompletion script for the specified shell",
	CompletionLong: `Generate the autocompletion script for %[1]s for the specified shell.
See each sub-command's help for details on how to use the generated script.
`,
	ShellShort:     "Generate the autocompletion script for %s",
	NoDescriptions: "disable completion descriptions",
	BashLong: `Generate the autocompletion script for the bash shell.

This script depends on the 'bash-completion' package.
If it is not installed already, you can install it via your OS's package manager.

To load completions in your current shell session:

	source <(%[1]s completion bash)

To load completions for every new session, execute once:

#### Linux:

	%[1]s completion bash > /etc/bash_completion.d/%[1]s

#### macOS:

	%[1]s completion bash > $(brew --prefix)/etc/bash_completion.d/%[1]s

You will need to start a new shell for this setup to take effect.
`,
	ZshLong: `Generate the autocompletion script for the zsh shell.

If shell completion is not already enabled in your environment you will need
to enable it.  You can execute the following once:

	echo "autoload -U compinit; compinit" >> ~/.zshrc

To load completions in your current shell session:

	source <(%[1]s completion zsh)

To load completions for every new session, execute once:

#### Linux:

	%[1]s completion zsh > "${fpath[1]}/_%[1]s"

#### macOS:

	%[1]s completion zsh > $(brew --prefix)/share/zsh/site-functions/_%[1]s

You will need to start a new shell for this setup to take effect.
`,
	FishLong: `Generate the autocompletion script for the fish shell.

To load completions in your current shell session:

	%[1]s completion fish | source

To load completions for every new session, execute once:

	%[1]s completion fish > ~/.config/fish/completions/%[1]s.fish

You will need to start a new shell for this setup to take effect.
`,
	PowershellLong: `Generate the autocompletion script for powershell.

To load completions in your current shell session:

	%[1]s completion powershell | Out-String | Invoke-Expression

To load completions for every new session, add the output of the above command
to your powershell profile.
`,
}, vi: usageText{
	Usage:           "Cách dùng:",
	Aliases:         "Tên khác:",
	Examples:        "Ví dụ:",
	Commands:        "Các lệnh:",
	Flags:           "Cờ:",
	GlobalFlags:     "Cờ chung:",
	MoreHelp:        `Chạy "{{.CommandPath}} [command] --help" để xem thêm về một lệnh.`,
	Default:         " (mặc định ",
	HelpFor:         "in trợ giúp của %s",
	CompletionShort: "Tạo script hoàn thành lệnh cho một shell",
	CompletionLong: `Tạo script hoàn thành lệnh (autocompletion) của %[1]s cho shell được nêu tên.
Xem trợ giúp của từng lệnh con để biết cách dùng script được tạo.
`,
	ShellShort:     "Tạo script hoàn thành lệnh cho %s",
	NoDescriptions: "không kèm mô tả trong các gợi ý",
	BashLong: `Tạo script hoàn thành lệnh cho shell bash.

Script này cần gói 'bash-completion'. Nếu gói chưa được cài,
hãy cài bằng trình quản lý gói của hệ điều hành.

Để nạp trong phiên shell hiện tại:

	source <(%[1]s completion bash)

Để nạp cho mọi phiên mới, chạy một lần:

#### Linux:

	%[1]s completion bash > /etc/bash_completion.d/%[1]s

#### macOS:

	%[1]s completion bash > $(brew --prefix)/etc/bash_completion.d/%[1]s

Cần mở một shell mới để thiết lập có hiệu lực.
`,
	ZshLong: `Tạo script hoàn thành lệnh cho shell zsh.

Nếu môi trường của bạn chưa bật hoàn thành lệnh, hãy bật nó
bằng cách chạy một lần:

	echo "autoload -U compinit; compinit" >> ~/.zshrc

Để nạp trong phiên shell hiện tại:

	source <(%[1]s completion zsh)

Để nạp cho mọi phiên mới, chạy một lần:

#### Linux:

	%[1]s completion zsh > "${fpath[1]}/_%[1]s"

#### macOS:

	%[1]s completion zsh > $(brew --prefix)/share/zsh/site-functions/_%[1]s

Cần mở một shell mới để thiết lập có hiệu lực.
`,
	FishLong: `Tạo script hoàn thành lệnh cho shell fish.

Để nạp trong phiên shell hiện tại:

	%[1]s completion fish | source

Để nạp cho mọi phiên mới, chạy một lần:

	%[1]s completion fish > ~/.config/fish/completions/%[1]s.fish

Cần mở một shell mới để thiết lập có hiệu lực.
`,
	PowershellLong: `Tạo script hoàn thành lệnh cho powershell.

Để nạp trong phiên shell hiện tại:

	%[1]s completion powershell | Out-String | Invoke-Expression

Để nạp cho mọi phiên mới, thêm kết quả của lệnh trên
vào profile powershell của bạn.
`,
}}

// localizeUsage makes what cobra prints in a help text speak l: the
// headings of the usage template, "(default …)" after a flag, the --help
// flag of every command and the completion commands' help. It runs once
// every command is in the tree.
func localizeUsage(root *cobra.Command, l messages.Language) {
	m := usageMessages.in(l)
	en := usageMessages.en
	replacements := []string{
		en.Usage, m.Usage, en.Aliases, m.Aliases, en.Examples, m.Examples,
		en.Commands, m.Commands, en.GlobalFlags, m.GlobalFlags, en.Flags, m.Flags,
		en.MoreHelp, m.MoreHelp,
	}
	if m.Default != en.Default {
		replacements = append(replacements, "FlagUsages | trimTrailingWhitespaces",
			fmt.Sprintf("FlagUsages | trimTrailingWhitespaces | replaceAll %q %q", en.Default, m.Default))
	}
	root.SetUsageTemplate(strings.NewReplacer(replacements...).Replace(root.UsageTemplate()))
	localizeCompletion(root, m)
	var walk func(*cobra.Command)
	walk = func(cmd *cobra.Command) {
		if cmd.Flags().Lookup("help") == nil {
			cmd.Flags().BoolP("help", "h", false, fmt.Sprintf(m.HelpFor, cmd.DisplayName()))
			_ = cmd.Flags().SetAnnotation("help", cobra.FlagSetByCobraAnnotation, []string{"true"})
		}
		for _, sub := range cmd.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

func init() {
	cobra.AddTemplateFunc("replaceAll", func(old, new, s string) string { return strings.ReplaceAll(s, old, new) })
}

// localizeCompletion gives cobra's completion command and its shells the
// help texts of m.
func localizeCompletion(root *cobra.Command, m usageText) {
	completion, _, err := root.Find([]string{"completion"})
	if err != nil || completion == root {
		return
	}
	name := root.Name()
	completion.Short, completion.Long = m.CompletionShort, fmt.Sprintf(m.CompletionLong, name)
	long := map[string]string{"bash": m.BashLong, "zsh": m.ZshLong, "fish": m.FishLong, "powershell": m.PowershellLong}
	for _, shell := range completion.Commands() {
		shell.Short = fmt.Sprintf(m.ShellShort, shell.Name())
		if text, ok := long[shell.Name()]; ok {
			shell.Long = fmt.Sprintf(text, name)
		}
		if f := shell.Flags().Lookup("no-descriptions"); f != nil {
			f.Usage = m.NoDescriptions
		}
	}
}
