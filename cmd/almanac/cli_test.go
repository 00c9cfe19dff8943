package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// buildDate is the build date linked into the test binary.
const buildDate = "2026-01-02T03:04:05Z"

var (
	binaryDir  string
	binaryOnce sync.Once
	binaryPath string
	binaryErr  error
)

func TestMain(m *testing.M) {
	// The format of problems follows GITHUB_ACTIONS; the tests choose it.
	os.Unsetenv("GITHUB_ACTIONS")
	dir, err := os.MkdirTemp("", "almanac-cli-test")
	if err != nil {
		panic(err)
	}
	binaryDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// binary builds the almanac command once, on the first test that needs
// it, and returns its path.
func binary(t testing.TB) string {
	t.Helper()
	binaryOnce.Do(func() {
		binaryPath = filepath.Join(binaryDir, "almanac")
		cmd := exec.Command("go", "build", "-o", binaryPath, "-ldflags", "-X main.date="+buildDate, ".")
		if out, err := cmd.CombinedOutput(); err != nil {
			binaryErr = errors.New(string(out))
		}
	})
	if binaryErr != nil {
		t.Fatalf("go build: %v", binaryErr)
	}
	return binaryPath
}

// result is what a run of the binary did.
type result struct {
	code           int
	stdout, stderr string
}

func (r result) String() string {
	return "exit " + strconv.Itoa(r.code) + "\nstdout:\n" + r.stdout + "stderr:\n" + r.stderr
}

// runBinary runs the binary in dir with args; env adds variables. The
// tests' sites are mostly Vietnamese and most tests match English
// messages, so it asks for English with --lang=en unless args choose a
// language themselves; the tests of Vietnamese messages use runBinaryAs.
func runBinary(t testing.TB, dir string, env []string, args ...string) result {
	t.Helper()
	return runBinaryAs(t, dir, env, withLang(args)...)
}

// withLang puts --lang=en before args that name no language. It leaves
// "new site" alone, whose own --lang is the language of the site it
// writes (and its messages are English without one).
func withLang(args []string) []string {
	if len(args) >= 3 && args[0] == "new" && args[1] == "site" {
		return args
	}
	for _, a := range args {
		if a == "--lang" || strings.HasPrefix(a, "--lang=") || a == "--" {
			return args
		}
	}
	return append([]string{"--lang=en"}, args...)
}

// runBinaryAs runs the binary in dir with exactly args.
func runBinaryAs(t testing.TB, dir string, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	cmd.Dir = dir
	cmd.Env = append(slices.DeleteFunc(os.Environ(), func(kv string) bool {
		return strings.HasPrefix(kv, "GITHUB_ACTIONS=")
	}), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatal(err)
	}
	return result{cmd.ProcessState.ExitCode(), stdout.String(), stderr.String()}
}

// expect checks the exit status and that stdout and stderr hold the words.
func (r result) expect(t testing.TB, what string, code int, stdout, stderr []string) {
	t.Helper()
	if r.code != code {
		t.Errorf("%s: exit %d, want %d\n%s", what, r.code, code, r)
	}
	for _, w := range stdout {
		if !strings.Contains(r.stdout, w) {
			t.Errorf("%s: stdout lacks %q\n%s", what, w, r)
		}
	}
	for _, w := range stderr {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("%s: stderr lacks %q\n%s", what, w, r)
		}
	}
}

// siteWith is goodSite with a draft and a future article added.
func siteWith(t *testing.T) string {
	files := map[string]string{
		"content/tin/nhap.md":      "---\ntitle: Nháp\ndate: 2020-12-30\ndraft: true\n---\n",
		"content/tin/tuong-lai.md": "---\ntitle: Tương lai\ndate: 2999-01-01\n---\n",
	}
	for k, v := range goodSite {
		files[k] = v
	}
	return writeSite(t, files)
}

func TestBinaryAloneBuildsTheCurrentFolder(t *testing.T) {
	dir := writeSite(t, goodSite)
	runBinary(t, dir, nil).expect(t, "almanac", 0, []string{"Built ", " → public\n"}, nil)
	if _, err := os.Stat(filepath.Join(dir, "public", "tin", "a", "index.html")); err != nil {
		t.Error(err)
	}
	empty := t.TempDir()
	runBinary(t, empty, nil).expect(t, "almanac in an empty folder", 2, nil,
		[]string{"almanac: . holds neither almanac.toml nor content/", "Run 'almanac --help' for usage."})
	if entries, _ := os.ReadDir(empty); len(entries) != 0 {
		t.Errorf("almanac wrote into a folder that is not a site: %v", entries)
	}
}

func TestBinarySiteFlags(t *testing.T) {
	dir := siteWith(t)
	for _, tc := range []struct {
		args  []string
		files []string // under the destination
		not   []string
	}{
		{[]string{"build", "-s", dir, "-d", "OUT"}, []string{"tin/a/index.html"}, []string{"tin/nhap/index.html", "tin/tuong-lai/index.html"}},
		{[]string{"build", "--source", dir, "--dest", "OUT", "--drafts", "--future"}, []string{"tin/nhap/index.html", "tin/tuong-lai/index.html"}, nil},
		{[]string{"build", "-s", dir, "--destination", "OUT", "-D"}, []string{"tin/nhap/index.html"}, []string{"tin/tuong-lai/index.html"}},
		{[]string{"-s", dir, "-d", "OUT", "--buildDrafts", "--buildFuture"}, []string{"tin/nhap/index.html", "tin/tuong-lai/index.html"}, nil},
		{[]string{"-s", dir, "-d", "OUT", "-F"}, []string{"tin/tuong-lai/index.html"}, []string{"tin/nhap/index.html"}},
	} {
		out := filepath.Join(t.TempDir(), "out")
		args := slices.Clone(tc.args)
		args[slices.Index(args, "OUT")] = out
		runBinary(t, t.TempDir(), nil, args...).expect(t, strings.Join(tc.args, " "), 0, []string{"Built ", "→ " + out}, nil)
		for _, f := range tc.files {
			if _, err := os.Stat(filepath.Join(out, f)); err != nil {
				t.Errorf("%v: %v", tc.args, err)
			}
		}
		for _, f := range tc.not {
			if _, err := os.Stat(filepath.Join(out, f)); err == nil {
				t.Errorf("%v published %s", tc.args, f)
			}
		}
	}
	for _, flag := range []string{"-b", "--base-url", "--baseURL"} {
		out := filepath.Join(t.TempDir(), "out")
		runBinary(t, dir, nil, "build", "-d", out, flag, "https://tin.example/").expect(t, flag, 0, nil, nil)
		page, _ := os.ReadFile(filepath.Join(out, "tin", "a", "index.html"))
		if !bytes.Contains(page, []byte(`href="https://tin.example/tin/a/"`)) {
			t.Errorf("%s did not reach the canonical link", flag)
		}
	}
}

func TestBinaryUsageErrors(t *testing.T) {
	dir := writeSite(t, goodSite)
	for _, tc := range []struct {
		args   []string
		stderr []string
	}{
		{[]string{"biuld"}, []string{`unknown command "biuld" for "almanac"`, "Did you mean this?\n\tbuild\n"}},
		{[]string{"chekc"}, []string{"Did you mean this?\n\tcheck\n"}},
		{[]string{"build", "--bulidDrafts"}, []string{"almanac build: unknown flag --bulidDrafts", "Did you mean this?\n\t--buildDrafts\n", "Run 'almanac build --help' for usage."}},
		{[]string{"check", "--sorce", "."}, []string{"Did you mean this?\n\t--source\n"}},
		{[]string{"serve", "--prot", "0"}, []string{"Did you mean this?\n\t--port\n"}},
		{[]string{"--stirct"}, []string{"Did you mean this?\n\t--strict\n"}},
		{[]string{"build", "extra"}, []string{`almanac build: unexpected argument "extra"`}},
		{[]string{"build", "-s", "/does/not/exist"}, []string{"/does/not/exist is not a folder; pass the site folder with --source"}},
		{[]string{"build", "--format", "xml"}, []string{`--format: "xml" is not a format; use text, github or json`}},
		{[]string{"check", "-q", "-v"}, []string{"--quiet and --verbose cannot be used together"}},
		{[]string{"serve", "--port", "many"}, []string{`invalid argument "many"`}},
		{[]string{"help", "biuld"}, []string{"Did you mean this?\n\tbuild\n"}},
		{[]string{"help", "new", "sit"}, []string{`no command "new sit"`, "Did you mean this?\n\tsite\n"}},
		{[]string{"new"}, []string{"say what to make"}},
		{[]string{"new", "sit", "x"}, []string{`cannot make a "sit"`, "Did you mean this?\n\tsite\n"}},
		{[]string{"new", "site"}, []string{"give the folder to write the site into"}},
		{[]string{"new", "article", "Tin Tức", "Tiêu đề"}, []string{`section "Tin Tức" is not a folder name`}},
		{[]string{"version", "extra"}, []string{`unexpected argument "extra"`}},
		{[]string{"completion", "tcsh"}, nil},
	} {
		r := runBinary(t, dir, nil, tc.args...)
		r.expect(t, strings.Join(tc.args, " "), 2, nil, tc.stderr)
		if r.stdout != "" {
			t.Errorf("%v printed on stdout:\n%s", tc.args, r.stdout)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Error("a command with bad usage built the site")
	}
}

func TestBinaryVersion(t *testing.T) {
	dir := t.TempDir()
	r := runBinary(t, dir, nil, "version")
	r.expect(t, "version", 0, []string{"almanac devel\n", "commit  unknown (built without VCS information", "built   " + buildDate + "\n", "go      go1."}, nil)
	if again := runBinary(t, dir, nil, "--version"); again.code != 0 || again.stdout != r.stdout {
		t.Errorf("--version differs from version:\n%s\n%s", again, r)
	}
}

func TestBinaryCompletion(t *testing.T) {
	for shell, marker := range map[string]string{"bash": "complete -o default", "zsh": "#compdef almanac", "fish": "complete -c almanac"} {
		runBinary(t, t.TempDir(), nil, "completion", shell).expect(t, "completion "+shell, 0, []string{marker}, nil)
	}
}

func TestBinaryQuietAndVerbose(t *testing.T) {
	dir := siteWith(t)
	r := runBinary(t, dir, nil, "build", "-q")
	if r.code != 0 || r.stdout != "" || r.stderr != "" {
		t.Errorf("build -q:\n%s", r)
	}
	runBinary(t, dir, nil, "build", "--verbose").expect(t, "build --verbose", 0,
		[]string{"Building . into public (drafts: false, future: false)\n", "Built ", "Left out of the site", "content/tin/nhap.md  Nháp\n"}, nil)
	r = runBinary(t, dir, nil, "check", "--quiet")
	if r.code != 0 || r.stdout != "" {
		t.Errorf("check --quiet:\n%s", r)
	}
	if r := runBinary(t, dir, nil, "new", "article", "tin", "Bài mới", "-q"); r.code != 0 || r.stdout != filepath.Join("content", "tin", "bai-moi.md")+"\n" {
		t.Errorf("new article -q prints the file it wrote:\n%s", r)
	}
}
