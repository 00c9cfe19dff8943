// Command almanac builds static news sites whose articles carry figures.
//
// Usage:
//
//	almanac [flags]                  build the site in the current folder, as almanac build does
//	almanac build [flags]            build the site into public/
//	almanac serve [flags]            preview the site at http://127.0.0.1:1313/ (alias: server)
//	almanac check [flags]            check the whole site, links included, writing nothing
//	almanac new site DIR             write a small working site into DIR
//	almanac new article SECTION "Title"
//	almanac version                  print the version, commit and build date
//	almanac help COMMAND             the help of a command
//	almanac completion bash|zsh|fish a completion script for the shell
//
// Messages are in the site's language (almanac.toml's language: vi, or
// anything starting with vi, is Vietnamese; else English), or in the one
// --lang names; lang.go says how it is chosen.
//
// Exit status: 0 on success, 1 when the site has errors (or warnings,
// with --strict), 2 on bad usage. docs/cli.md describes every command and
// flag.
//
// Each command is made in its own file by a function returning a
// *cobra.Command, registered in that file's init; adding a command is
// adding a file.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/almanac-news/almanac/internal/messages"
)

// Exit statuses.
const (
	exitOK    = 0
	exitSite  = 1 // the site has errors, or the command failed
	exitUsage = 2 // the command line is wrong
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run runs the command line args and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	c := &cli{stdout: stdout, stderr: stderr, getenv: os.Getenv, lang: chooseLanguage(args)}
	root := newRootCommand(c)
	root.SetArgs(joinLang(args))
	cmd, err := root.ExecuteC()
	var exit exitError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &exit):
		return exit.code
	}
	msg := strings.TrimRight(c.cobraMessage(err.Error()), "\n")
	if strings.Contains(msg, "\n") {
		msg += "\n" // a blank line after a list of suggestions
	}
	fmt.Fprintf(stderr, "%s: %s\n", cmd.CommandPath(), msg)
	fmt.Fprintf(stderr, rootMessages.in(c.lang).SeeHelp, helpPath(cmd))
	return exitUsage
}

// helpPath is how to ask for the help of cmd.
func helpPath(cmd *cobra.Command) string {
	return cmd.CommandPath() + " --help"
}

// exitError ends a command that has already said what went wrong.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// failed is the error of a command that has printed its problems: exit 1.
var failed = exitError{exitSite}

// usageError is a mistake in the command line, printed by run with the
// command's name and where to find its help; the exit status is 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return usageError{fmt.Sprintf(format, args...)}
}

// cli is what every command shares: where it writes, the environment and
// the global flags.
type cli struct {
	stdout, stderr io.Writer
	getenv         func(string) string
	quiet, verbose bool
	langFlag       string            // --lang as given
	lang           messages.Language // the language of the messages: chooseLanguage
	terminal       *progressTerminal // where progress shows; nil: standard error, when it is a terminal
}

// commands makes the subcommands; each command's file adds its own.
var commands []func(*cli) *cobra.Command

func register(make func(*cli) *cobra.Command) {
	commands = append(commands, make)
}
