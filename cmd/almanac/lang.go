package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/messages"
)

// localized is one command's messages in English and in Vietnamese.
type localized[T any] struct {
	en, vi T
}

// in returns the messages in l. A Vietnamese field left empty would be
// said in English; the tests allow none.
func (m localized[T]) in(l messages.Language) T {
	if l != messages.Vietnamese {
		return m.en
	}
	out := m.vi
	v, en := reflect.ValueOf(&out).Elem(), reflect.ValueOf(m.en)
	for i := range v.NumField() {
		if f := v.Field(i); f.Kind() == reflect.String && f.String() == "" {
			f.SetString(en.Field(i).String())
		}
	}
	return out
}

// chooseLanguage is the language of a command's messages: --lang when the
// command line gives it, else the language of the site the command works
// on (almanac.toml's language in the --source folder, or the current
// one), else English. It reads the command line before cobra does, so
// that help and usage errors are in that language too; a --lang it does
// not know is English here and a usage error later.
func chooseLanguage(args []string) messages.Language {
	if tag, ok := flagValue(args, "lang", ""); ok {
		l, _ := messages.ParseLanguage(tag)
		return l
	}
	source, _ := flagValue(args, "source", "s")
	if source == "" {
		source = "."
	}
	return siteLanguage(source)
}

// siteLanguage reads the language of the site in dir; English when there
// is no almanac.toml or it cannot be read.
func siteLanguage(dir string) messages.Language {
	data, err := os.ReadFile(filepath.Join(dir, "almanac.toml"))
	if err != nil {
		return messages.English
	}
	var cfg struct {
		Language string `toml:"language"`
	}
	if toml.Unmarshal(data, &cfg) != nil {
		return messages.English
	}
	return messages.ForSite(cfg.Language)
}

// flagValue finds --name VALUE, --name=VALUE, -short VALUE or -shortVALUE
// in args, before a "--".
func flagValue(args []string, name, short string) (string, bool) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		if v, ok := strings.CutPrefix(a, "--"+name+"="); ok {
			return v, true
		}
		if short != "" {
			if v, ok := strings.CutPrefix(a, "-"+short); ok && !strings.HasPrefix(a, "--") {
				if v == "" && i+1 < len(args) {
					return args[i+1], true
				}
				return strings.TrimPrefix(v, "="), v != ""
			}
		}
		if a == "--"+name && i+1 < len(args) {
			return args[i+1], true
		}
	}
	return "", false
}

// localizedError is err in l: the problems it carries said in l, any
// other error as it is.
func localizedError(l messages.Language, err error) string {
	var list diag.Errors
	var one *diag.Problem
	switch {
	case errors.As(err, &list):
		return list.In(l)
	case errors.As(err, &one):
		return one.In(l)
	}
	return err.Error()
}

// unknownCommand is cobra's message for a mistyped command, with its
// suggestions.
var unknownCommand = regexp.MustCompile(`^unknown command "(.*)" for "(.*)"(?:\n\nDid you mean this\?\n((?:\t.*\n?)*))?`)

// cobraMessage says in c's language the one message cobra writes itself
// that reaches the user, the unknown command; others are as cobra wrote
// them.
func (c *cli) cobraMessage(msg string) string {
	m := unknownCommand.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	var names []string
	for _, line := range strings.Split(strings.TrimRight(m[3], "\n"), "\n") {
		if name := strings.TrimSpace(line); name != "" {
			names = append(names, name)
		}
	}
	return fmt.Sprintf(rootMessages.in(c.lang).UnknownCmd, m[1], m[2]) + c.suggestions(names)
}

// joinLang writes "--lang X" as "--lang=X". Cobra finds the command
// before it parses flags, and a flag it does not know yet (--help, or a
// mistyped one) before "--lang X" would make it read X as a command.
func joinLang(args []string) []string {
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		if args[i] == "--" {
			return append(out, args[i:]...)
		}
		if args[i] == "--lang" && i+1 < len(args) {
			out = append(out, "--lang="+args[i+1])
			i++
			continue
		}
		out = append(out, args[i])
	}
	return out
}
