package main

import (
	"bufio"
	"bytes"
	"flag"
	"image"
	"image/jpeg"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/spf13/pflag"

	"github.com/almanac-news/almanac/internal/messages"
)

var update = flag.Bool("update", false, "rewrite testdata/help/**/*.golden from the binary's help")

// helpTopics are the commands whose help has a golden file.
var helpTopics = [][]string{
	{}, {"build"}, {"serve"}, {"check"}, {"new"}, {"new", "site"}, {"new", "article"},
	{"fetch"}, {"version"}, {"help"}, {"completion"}, {"completion", "bash"},
}

// helpLanguages are the languages of the help texts: each has its
// golden files, English in testdata/help, the others in a folder below.
var helpLanguages = []string{"en", "vi"}

func goldenName(lang string, topic []string) string {
	dir := filepath.Join("testdata", "help")
	if lang != "en" {
		dir = filepath.Join(dir, lang)
	}
	if len(topic) == 0 {
		return filepath.Join(dir, "almanac.golden")
	}
	return filepath.Join(dir, strings.Join(topic, "-")+".golden")
}

// TestBinaryHelp compares "almanac help CMD --lang L" with its golden
// file in each language, and checks that "CMD --help" and "CMD -h" print
// the same.
func TestBinaryHelp(t *testing.T) {
	dir := t.TempDir()
	for _, lang := range helpLanguages {
		for _, topic := range helpTopics {
			args := append(append([]string{"help"}, topic...), "--lang", lang)
			r := runBinary(t, dir, nil, args...)
			if r.code != 0 || r.stderr != "" {
				t.Errorf("%v:\n%s", args, r)
				continue
			}
			golden := goldenName(lang, topic)
			if *update {
				os.MkdirAll(filepath.Dir(golden), 0o755)
				if err := os.WriteFile(golden, []byte(r.stdout), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestBinaryHelp -update)", err)
			}
			if r.stdout != string(want) {
				t.Errorf("%v differs from %s:\n%s", args, golden, r.stdout)
			}
			for _, flag := range []string{"--help", "-h"} {
				again := runBinary(t, dir, nil, append(append(topic, flag), "--lang="+lang)...)
				if again.code != 0 || again.stdout != r.stdout {
					t.Errorf("%v %s differs from %v:\n%s", topic, flag, args, again)
				}
			}
		}
		serve, _ := os.ReadFile(goldenName(lang, []string{"serve"}))
		if r := runBinary(t, dir, nil, "help", "server", "--lang", lang); r.stdout != string(serve) {
			t.Errorf("help server --lang %s is not the help of serve:\n%s", lang, r)
		}
	}
}

// TestBinaryHelpInTheSiteLanguage: in a Vietnamese site, help is in
// Vietnamese without --lang, as every other message is.
func TestBinaryHelpInTheSiteLanguage(t *testing.T) {
	dir := writeSite(t, map[string]string{"almanac.toml": "language = \"vi\"\n"})
	want, err := os.ReadFile(goldenName("vi", []string{"build"}))
	if err != nil {
		t.Fatal(err)
	}
	if r := runBinaryAs(t, dir, nil, "build", "--help"); r.code != 0 || r.stdout != string(want) {
		t.Errorf("build --help in a vi site:\n%s", r)
	}
}

// TestHelpTextsSayEnough checks every command's help: a description of
// a paragraph, examples that run almanac, and an explained flag each.
func TestHelpTextsSayEnough(t *testing.T) {
	for _, lang := range []messages.Language{messages.English, messages.Vietnamese} {
		root := newRootCommand(&cli{stdout: io.Discard, stderr: io.Discard, getenv: os.Getenv, lang: lang})
		for _, topic := range helpTopics {
			cmd, _, err := root.Find(topic)
			if err != nil {
				t.Fatal(err)
			}
			if cmd.Parent() != nil && cmd.Parent().Name() == "completion" {
				continue // cobra's own
			}
			if cmd.Name() != "completion" && (len(cmd.Long) < 150 || !strings.Contains(cmd.Example, "almanac ")) {
				t.Errorf("%s (%s): the help needs a paragraph and examples", cmd.CommandPath(), lang)
			}
			cmd.Flags().VisitAll(func(f *pflag.Flag) {
				if f.Usage == "" {
					t.Errorf("%s --%s (%s): no description", cmd.CommandPath(), f.Name, lang)
				}
				if name, _ := pflag.UnquoteUsage(f); !isASCII(name) {
					t.Errorf("%s --%s (%s): the value's name %q is not ASCII, which misaligns the flag list", cmd.CommandPath(), f.Name, lang, name)
				}
			})
		}
	}
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func TestBinaryServeAlias(t *testing.T) {
	dir := extractSite(t, "serve.txtar")
	cmd := exec.Command(binary(t), "server", "-s", dir, "-p", "0", "--lang", "en")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := bufio.NewScanner(stdout)
	serving := regexp.MustCompile(`^Serving the preview at (http://127\.0\.0\.1:\d+/)`)
	var base string
	for base == "" && lines.Scan() {
		if m := serving.FindStringSubmatch(lines.Text()); m != nil {
			base = m[1]
		}
	}
	if base == "" {
		t.Fatalf("almanac server did not serve:\n%s", stderr.String())
	}
	go io.Copy(io.Discard, stdout)
	res, err := http.Get(base)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("GET %s: %s", base, res.Status)
	}
	cmd.Process.Signal(syscall.SIGINT)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("almanac server after Ctrl-C: %v\n%s", err, stderr.String())
		}
	case <-time.After(5 * time.Second):
		t.Error("almanac server still running 5s after Ctrl-C")
	}
}

// TestBinaryNewArticleBundle writes a bundle, puts a picture, a recording
// and a CSV beside it as its comments say, and checks the site.
func TestBinaryNewArticleBundle(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		dir := writeSite(t, map[string]string{"almanac.toml": "language = \"" + lang + "\"\n"})
		r := runBinary(t, dir, nil, "new", "article", "tin", "Ảnh và số liệu", "--bundle")
		want := filepath.Join("content", "tin", "anh-va-so-lieu", "index.md")
		if r.code != 0 || r.stdout != want+"\n" {
			t.Fatalf("%s: %s", lang, r)
		}
		if r := runBinary(t, dir, nil, "new", "article", "tin", "Ảnh và số liệu"); r.code != 1 || !strings.Contains(r.stderr, "already makes this article's page") {
			t.Errorf("%s: a single file beside the bundle: %s", lang, r)
		}
		file := filepath.Join(dir, want)
		text, _ := os.ReadFile(file)
		names := regexp.MustCompile(`(?m)^#   src: (\S+)$|^# audio: (\S+)$|"data: (\S+)"`).FindAllStringSubmatch(string(text), -1)
		if len(names) != 3 {
			t.Fatalf("%s: the comments name %d files, want a picture, a recording and a CSV:\n%s", lang, len(names), text)
		}
		writeJPEG(t, filepath.Join(filepath.Dir(file), names[0][1]))
		writeSiteFile(t, filepath.Dir(file), names[1][2], mp3Frame())
		writeSiteFile(t, filepath.Dir(file), names[2][3], "Năm,Xuất khẩu (triệu USD)\n2019,1719\n2020,1456\n")
		media := regexp.MustCompile(`(?m)^# ((?:image|audio):.*|  (?:src|alt|caption): .*)$`)
		edited := media.ReplaceAllString(string(text), "$1")
		edited = strings.Replace(edited, "\nfigures: []\n", "\ncharts:\n  - id: so-lieu\n    type: column\n    title: Xuất khẩu\n    data: "+names[2][3]+"\n", 1)
		if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
			t.Fatal(err)
		}
		r = runBinary(t, dir, nil, "check", "--drafts", "--strict")
		if r.code != 0 || strings.Contains(r.stdout, "content/") {
			t.Errorf("%s: the bundle with its files does not check:\n%s\n%s", lang, r, edited)
		}
	}
}

func writeJPEG(t *testing.T, name string) {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, image.NewGray(image.Rect(0, 0, 16, 9)), nil); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// mp3Frame is an ID3v2 header and one silent MPEG-1 Layer III frame
// (128 kbit/s, 44.1 kHz): a sound file as a header check sees it.
func mp3Frame() string {
	id3 := "ID3\x03\x00\x00\x00\x00\x00\x00"
	frame := make([]byte, 417)
	copy(frame, []byte{0xFF, 0xFB, 0x90, 0x64})
	return id3 + string(frame) + string(frame)
}

// TestDocsShowTheHelp checks that docs/cli.md lists every flag exactly as
// the commands' help prints it.
func TestDocsShowTheHelp(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "cli.md"))
	if err != nil {
		t.Fatal(err)
	}
	flagLine := regexp.MustCompile(`(?m)^  (?:-\w, |    )--[\w-]+ .*$`)
	collapse := func(line string) string { return strings.Join(strings.Fields(line), " ") }
	documented := map[string]bool{} // the doc's flag lines, spaces collapsed
	for _, line := range flagLine.FindAllString(string(doc), -1) {
		documented[collapse(line)] = true
	}
	printed := map[string]bool{} // the help's flag lines, in any language
	for _, lang := range helpLanguages {
		for _, topic := range helpTopics {
			help, err := os.ReadFile(goldenName(lang, topic))
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range flagLine.FindAllString(string(help), -1) {
				printed[collapse(line)] = true
				if lang != "en" || len(topic) > 0 && topic[0] == "completion" || strings.Contains(line, "--help ") {
					continue
				}
				if !documented[collapse(line)] {
					t.Errorf("docs/cli.md lacks the flag line of %v:\n%s", topic, line)
				}
			}
		}
	}
	for line := range documented {
		if !printed[line] {
			t.Errorf("docs/cli.md shows a flag line no help prints (copy it from testdata/help):\n%s", line)
		}
	}
}
