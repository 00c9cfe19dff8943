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
)

var update = flag.Bool("update", false, "rewrite testdata/help/*.golden from the binary's help")

// helpTopics are the commands whose help has a golden file.
var helpTopics = [][]string{
	{}, {"build"}, {"serve"}, {"check"}, {"new"}, {"new", "site"}, {"new", "article"},
	{"fetch"}, {"version"}, {"help"}, {"completion"}, {"completion", "bash"},
}

func goldenName(topic []string) string {
	if len(topic) == 0 {
		return filepath.Join("testdata", "help", "almanac.golden")
	}
	return filepath.Join("testdata", "help", strings.Join(topic, "-")+".golden")
}

// TestBinaryHelp compares "almanac help CMD" with its golden file, and
// checks that "CMD --help" and "CMD -h" print the same.
func TestBinaryHelp(t *testing.T) {
	dir := t.TempDir()
	for _, topic := range helpTopics {
		r := runBinary(t, dir, nil, append([]string{"help"}, topic...)...)
		if r.code != 0 || r.stderr != "" {
			t.Errorf("help %v:\n%s", topic, r)
			continue
		}
		golden := goldenName(topic)
		if *update {
			if err := os.WriteFile(golden, []byte(r.stdout), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -run TestBinaryHelp -update)", err)
		}
		if r.stdout != string(want) {
			t.Errorf("help %v differs from %s:\n%s", topic, golden, r.stdout)
		}
		for _, flag := range []string{"--help", "-h"} {
			if again := runBinary(t, dir, nil, append(topic, flag)...); again.code != 0 || again.stdout != r.stdout {
				t.Errorf("%v %s differs from help %v:\n%s", topic, flag, topic, again)
			}
		}
	}
	serve, _ := os.ReadFile(goldenName([]string{"serve"}))
	if r := runBinary(t, dir, nil, "help", "server"); r.stdout != string(serve) {
		t.Errorf("help server is not the help of serve:\n%s", r)
	}
}

// TestHelpTextsSayEnough checks every command's help: a description of
// a paragraph, examples that run almanac, and an explained flag each.
func TestHelpTextsSayEnough(t *testing.T) {
	root := newRootCommand(&cli{stdout: io.Discard, stderr: io.Discard, getenv: os.Getenv})
	for _, topic := range helpTopics {
		cmd, _, err := root.Find(topic)
		if err != nil {
			t.Fatal(err)
		}
		if cmd.Parent() != nil && cmd.Parent().Name() == "completion" {
			continue // cobra's own
		}
		if cmd.Name() != "completion" && (len(cmd.Long) < 150 || !strings.Contains(cmd.Example, "almanac ")) {
			t.Errorf("%s: the help needs a paragraph and examples", cmd.CommandPath())
		}
	}
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
	documented := map[string]bool{} // the doc's flag lines, spaces collapsed
	for _, line := range flagLine.FindAllString(string(doc), -1) {
		documented[strings.Join(strings.Fields(line), " ")] = true
	}
	for _, topic := range helpTopics {
		if len(topic) > 0 && topic[0] == "completion" {
			continue
		}
		help, err := os.ReadFile(goldenName(topic))
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range flagLine.FindAllString(string(help), -1) {
			if strings.Contains(line, "--help ") {
				continue
			}
			if !documented[strings.Join(strings.Fields(line), " ")] {
				t.Errorf("docs/cli.md lacks the flag line of %v:\n%s", topic, line)
			}
		}
	}
}
