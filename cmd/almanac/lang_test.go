package main

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/almanac-news/almanac/internal/messages"
)

// langSite is testdata/warning.txtar (one warning) with an article that
// has no title (one error), in the language given.
func langSite(t *testing.T, lang string) string {
	t.Helper()
	dir := extractSite(t, "warning.txtar")
	writeSiteFile(t, dir, "almanac.toml", "title = \"Thử\"\nlanguage = \""+lang+"\"\n")
	writeSiteFile(t, dir, "content/tin/loi.md", "---\ndate: 2020-12-30\n---\nx\n")
	return dir
}

// The lines check prints for langSite, in each language.
var (
	viLines = []string{
		`content/tin/loi.md:2:1: front matter chưa có title; hãy thêm dòng title: "…"` + "\n",
		"content/tin/san-xuat.md:10:13: cảnh báo: mức thay đổi -9.5 của output trong kỳ 2020 không khớp với các giá trị: 68800 so với 70000 trong kỳ 2019 là -1.71 % (xem thêm content/tin/san-xuat.md:11:5); hãy kiểm tra lại ba số: với cách diễn đạt đã ghi, mức thay đổi có thể từ -1.72 % đến -1.71 %\n",
		"Đã kiểm tra 9 trang và 0 liên kết: 1 lỗi, 1 cảnh báo.\n",
	}
	enLines = []string{
		`content/tin/loi.md:2:1: the front matter has no title; add a line title: "…"` + "\n",
		"content/tin/san-xuat.md:10:13: warning: change -9.5 of output in 2020 does not follow from the values: 68800 against 70000 in 2019 is -1.71 % (see also content/tin/san-xuat.md:11:5); check the three numbers: with the wording given, the change can be -1.72 % to -1.71 %\n",
		"Checked 9 pages and 0 links: 1 error, 1 warning.\n",
	}
)

// TestBinaryMessagesInTheSiteLanguage runs the binary on a Vietnamese and
// an English site, and with --lang overriding each.
func TestBinaryMessagesInTheSiteLanguage(t *testing.T) {
	vi, en := langSite(t, "vi"), langSite(t, "en")
	for _, tc := range []struct {
		name, dir string
		args      []string
		want      []string
	}{
		{"vi site", vi, nil, viLines},
		{"en site", en, nil, enLines},
		{"vi site, --lang en", vi, []string{"--lang", "en"}, enLines},
		{"en site, --lang vi", en, []string{"--lang=vi"}, viLines},
		{"en site from outside, -s, --lang vi", t.TempDir(), []string{"-s", en, "--lang", "vi"}, viLines},
		{"vi site from outside, -s", t.TempDir(), []string{"-s", vi}, viLines},
	} {
		r := runBinaryAs(t, tc.dir, nil, append([]string{"check"}, tc.args...)...)
		if r.code != 1 || r.stdout != strings.Join(tc.want, "") {
			t.Errorf("%s: got\n%s\nwant exit 1 and\n%s", tc.name, r, strings.Join(tc.want, ""))
		}
	}
	r := runBinaryAs(t, vi, nil, "build")
	if r.code != 1 || !strings.Contains(r.stderr, "almanac build: trang có lỗi:\n"+viLines[0]) {
		t.Errorf("build of the vi site:\n%s", r)
	}
	os.Remove(filepath.Join(vi, "content", "tin", "loi.md"))
	r = runBinaryAs(t, vi, nil, "build")
	summary := regexp.MustCompile(`^Đã dựng \d+ trang, 1 chuyên mục, \d+ tệp, 1 cảnh báo trong \d+m?s → public\n$`)
	if r.code != 0 || !summary.MatchString(r.stdout) || r.stderr != strings.Replace(viLines[1], "content/", "content/", 1) {
		t.Errorf("good build of the vi site:\n%s", r)
	}
}

// TestBinaryUsageErrorsInTheSiteLanguage: a mistyped command or flag in
// a Vietnamese site, or with --lang vi, is said in Vietnamese; outside a
// site, or with a --lang Almanac does not know, in English.
func TestBinaryUsageErrorsInTheSiteLanguage(t *testing.T) {
	vi := langSite(t, "vi")
	outside := t.TempDir()
	for _, tc := range []struct {
		dir  string
		args []string
		want string
	}{
		{vi, []string{"biuld"}, "almanac: không có lệnh \"biuld\" trong \"almanac\"\n\nCó phải ý bạn là:\n\tbuild\n\nChạy 'almanac --help' để xem cách dùng.\n"},
		{vi, []string{"build", "--stirct"}, "almanac build: không có cờ --stirct\n\nCó phải ý bạn là:\n\t--strict\n\nChạy 'almanac build --help' để xem cách dùng.\n"},
		{outside, []string{"--help", "--lang", "vi", "biuld"}, "almanac: không có lệnh \"biuld\" trong \"almanac\"\n\nCó phải ý bạn là:\n\tbuild\n\nChạy 'almanac --help' để xem cách dùng.\n"},
		{outside, []string{"biuld"}, "almanac: unknown command \"biuld\" for \"almanac\"\n\nDid you mean this?\n\tbuild\n\nRun 'almanac --help' for usage.\n"},
		{vi, []string{"--lang", "fr"}, "almanac: --lang \"fr\" is not a language of Almanac's messages; use vi or en\nRun 'almanac --help' for usage.\n"},
	} {
		r := runBinaryAs(t, tc.dir, nil, tc.args...)
		if r.code != 2 || r.stderr != tc.want {
			t.Errorf("%v: got\n%s\nwant exit 2 and stderr\n%s", tc.args, r, tc.want)
		}
	}
}

// TestMessagesInBothLanguages fails for a message or help text of a
// command that has no Vietnamese, and for a Vietnamese one whose verbs
// differ from the English.
func TestMessagesInBothLanguages(t *testing.T) {
	for name, m := range map[string][2]any{
		"root": {rootMessages.en, rootMessages.vi}, "flag": {flagMessages.en, flagMessages.vi},
		"build": {buildMessages.en, buildMessages.vi}, "check": {checkMessages.en, checkMessages.vi},
		"serve": {serveMessages.en, serveMessages.vi}, "new": {newMessages.en, newMessages.vi},
		"fetch": {fetchMessages.en, fetchMessages.vi}, "version": {versionMessages.en, versionMessages.vi},
		"usage": {usageMessages.en, usageMessages.vi},
	} {
		en, vi := reflect.ValueOf(m[0]), reflect.ValueOf(m[1])
		for i := range en.NumField() {
			field := en.Type().Field(i).Name
			e, v := en.Field(i).String(), vi.Field(i).String()
			switch {
			case v == "":
				t.Errorf("%sMessages.%s has no Vietnamese: %q", name, field, e)
			case verbsOf(e) != verbsOf(v):
				t.Errorf("%sMessages.%s: the Vietnamese %q prints %s, the English %q %s", name, field, v, verbsOf(v), e, verbsOf(e))
			}
		}
	}
	if _, ok := messages.ParseLanguage("vi-VN"); !ok {
		t.Error("vi-VN is not read as Vietnamese")
	}
}

var verbPattern = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*[\d.]*[a-zA-Z%]`)

// verbsOf lists a format's verbs, sorted: the catalog's own test checks
// argument indexes; these messages use none.
func verbsOf(format string) string {
	v := verbPattern.FindAllString(format, -1)
	slices.Sort(v)
	return strings.Join(v, " ")
}
