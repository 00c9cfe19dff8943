package main

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/almanac-news/almanac/internal/report"
)

// theWarning is where testdata/warning.txtar's warning stands, and what
// it says.
const (
	warningAt    = "content/tin/san-xuat.md:10:13"
	warningWords = "change -9.5 of output in 2020 does not follow from the values"
)

func TestBinaryWarningCounted(t *testing.T) {
	dir := extractSite(t, "warning.txtar")
	r := runBinary(t, dir, nil, "build")
	r.expect(t, "build", 0, nil, []string{warningAt + ": warning: " + warningWords})
	if !regexp.MustCompile(`^Built \d+ pages, 1 section, \d+ files, 1 warning in \d+m?s → public\n$`).MatchString(r.stdout) {
		t.Errorf("summary line %q does not count the warning", r.stdout)
	}
	runBinary(t, dir, nil, "check").expect(t, "check", 0,
		[]string{warningAt + ": warning: " + warningWords, ": 0 errors, 1 warning.\n"}, nil)
}

func TestBinaryStrict(t *testing.T) {
	dir := extractSite(t, "warning.txtar")
	for _, flag := range []string{"--strict", "--warnings-as-errors"} {
		runBinary(t, dir, nil, "build", flag).expect(t, "build "+flag, 1, nil,
			[]string{warningAt + ": warning: ", "almanac build: --strict makes 1 warning fail the build; public was left as it was"})
		if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
			t.Fatalf("build %s wrote public/: %v", flag, err)
		}
		runBinary(t, dir, nil, "check", flag).expect(t, "check "+flag, 1,
			[]string{warningAt + ": warning: ", ": 0 errors, 1 warning.\n"}, []string{"almanac check: --strict makes 1 warning fail the check"})
		runBinary(t, dir, nil, flag).expect(t, "almanac "+flag, 1, nil, []string{"almanac: --strict makes 1 warning fail"})
	}
	runBinary(t, writeSite(t, goodSite), nil, "build", "--strict").expect(t, "a site without warnings", 0, []string{"Built "}, nil)
}

// TestBinaryWarningsWithErrors checks that a build that stops for an
// error still prints the warnings it found.
func TestBinaryWarningsWithErrors(t *testing.T) {
	dir := extractSite(t, "warning.txtar")
	writeSiteFile(t, dir, "content/tin/bo-cuc.md", "---\ntitle: Bố cục\ndate: 2020-12-30\nlayout: rong\n---\n")
	runBinary(t, dir, nil, "build").expect(t, "build", 1, nil, []string{
		warningAt + ": warning: " + warningWords,
		"almanac build: the site has errors:\ncontent/tin/bo-cuc.md:4: layout \"rong\" does not exist"})
	r := runBinary(t, dir, nil, "build", "--format", "json")
	r.expect(t, "build --format json", 1, nil, []string{"almanac build: the site has errors (1 error, 1 warning); public was left as it was"})
	if got := decodeProblems(t, r.stdout); len(got) != 2 || got[0].Severity != "warning" || got[1].Severity != "error" {
		t.Errorf("json problems %+v, want the warning and the error", got)
	}
}

// TestBinaryCheckCountsEveryPage checks that a page whose file has an
// error is counted as checked.
func TestBinaryCheckCountsEveryPage(t *testing.T) {
	files := map[string]string{"content/tin/b.md": "---\ntitle: Bài B\ndate: 2020-12-31\n---\n"}
	for k, v := range goodSite {
		files[k] = v
	}
	dir := writeSite(t, files)
	summary := regexp.MustCompile(`Checked (\d+) pages`)
	good := summary.FindStringSubmatch(runBinary(t, dir, nil, "check").stdout)
	writeSiteFile(t, dir, "content/tin/b.md", "---\ntitle: Bài B\ndate: 31/12/2020\n---\n")
	r := runBinary(t, dir, nil, "check")
	bad := summary.FindStringSubmatch(r.stdout)
	if good == nil || bad == nil || good[1] != bad[1] {
		t.Errorf("checked %v pages with the error, %v without:\n%s", bad, good, r)
	}
}

// parseAnnotation reads a GitHub workflow command line back, as the
// runner does: ::command key=value,key=value::message, with %25, %0D,
// %0A (and in values %3A, %2C) undone.
func parseAnnotation(t *testing.T, line string) (string, map[string]string, string) {
	t.Helper()
	m := regexp.MustCompile(`^::(\w+)(?: ([^:]*))?::(.*)$`).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("not a workflow command: %q", line)
	}
	data := strings.NewReplacer("%0D", "\r", "%0A", "\n", "%25", "%")
	prop := strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%")
	props := map[string]string{}
	for _, kv := range strings.Split(m[2], ",") {
		if k, v, ok := strings.Cut(kv, "="); ok {
			props[k] = prop.Replace(v)
		}
	}
	return m[1], props, data.Replace(m[3])
}

func TestBinaryFormatGitHub(t *testing.T) {
	dir := extractSite(t, "warning.txtar")
	parent := filepath.Dir(dir)
	source := filepath.Base(dir)
	for _, tc := range []struct {
		args []string
		env  []string
	}{
		{[]string{"check", "-s", source, "--format", "github"}, nil},
		{[]string{"check", "-s", source}, []string{"GITHUB_ACTIONS=true"}},
	} {
		r := runBinary(t, parent, tc.env, tc.args...)
		lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
		if r.code != 0 || len(lines) != 2 || !strings.HasPrefix(lines[1], "Checked ") {
			t.Fatalf("%v %v:\n%s", tc.env, tc.args, r)
		}
		cmd, props, msg := parseAnnotation(t, lines[0])
		want := map[string]string{"file": source + "/content/tin/san-xuat.md", "line": "10", "col": "13"}
		if cmd != "warning" || !reflect.DeepEqual(props, want) || !strings.HasPrefix(msg, warningWords) ||
			!strings.Contains(msg, "is -1.71 % (see also content/tin/san-xuat.md:11:5); check the three numbers") {
			t.Errorf("%v: parsed back as %s %v %q", tc.args, cmd, props, msg)
		}
	}
	r := runBinary(t, dir, []string{"GITHUB_ACTIONS=true"}, "build", "--format", "text")
	r.expect(t, "--format text inside GitHub Actions", 0, nil, []string{warningAt + ": warning: "})
	if strings.Contains(r.stdout+r.stderr, "::warning") {
		t.Errorf("--format text printed annotations:\n%s", r)
	}
}

func decodeProblems(t *testing.T, out string) []report.Problem {
	t.Helper()
	var problems []report.Problem
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		var p report.Problem
		dec := json.NewDecoder(strings.NewReader(sc.Text()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&p); err != nil {
			t.Fatalf("line %q is not a problem: %v", sc.Text(), err)
		}
		problems = append(problems, p)
	}
	return problems
}

func TestBinaryFormatJSON(t *testing.T) {
	dir := extractSite(t, "warning.txtar")
	r := runBinary(t, dir, nil, "check", "--format", "json")
	r.expect(t, "check --format json", 0, nil, []string{"Checked ", ": 0 errors, 1 warning.\n"})
	got := decodeProblems(t, r.stdout)
	if len(got) != 1 {
		t.Fatalf("%d problems:\n%s", len(got), r)
	}
	p := got[0]
	if p.File != "content/tin/san-xuat.md" || p.Line != 10 || p.Column != 13 || p.Severity != "warning" ||
		!strings.HasPrefix(p.Message, warningWords) || !strings.HasPrefix(p.Hint, "check the three numbers") ||
		!reflect.DeepEqual(p.Related, []report.Position{{File: "content/tin/san-xuat.md", Line: 11, Column: 5}}) {
		t.Errorf("problem %+v", p)
	}
	r = runBinary(t, dir, nil, "build", "--format", "json")
	if len(decodeProblems(t, r.stdout)) != 1 || !strings.Contains(r.stderr, "1 warning in") {
		t.Errorf("build --format json:\n%s", r)
	}
}

// TestBinaryProgressOnlyOnATerminal runs build and check under script(1),
// which gives them a terminal, and through pipes.
func TestBinaryProgressOnlyOnATerminal(t *testing.T) {
	scriptPath, err := exec.LookPath("script")
	if err != nil {
		t.Skip("script(1) is not installed to give the command a terminal")
	}
	dir := writeSite(t, goodSite)
	for _, args := range []string{"build", "check"} {
		line := binary(t) + " " + args + " -s " + dir + " --lang en"
		out, err := exec.Command(scriptPath, "-qec", line, os.DevNull).CombinedOutput()
		verb := map[string]string{"build": "Building ", "check": "Checking "}[args]
		if err != nil || !strings.Contains(string(out), verb+dir+" …\r\x1b[K") {
			t.Errorf("%s on a terminal: %v\n%q", args, err, out)
		}
		if r := runBinary(t, dir, nil, args); strings.Contains(r.stdout+r.stderr, verb) {
			t.Errorf("%s through a pipe shows progress:\n%s", args, r)
		}
		out, _ = exec.Command(scriptPath, "-qec", line+" -q", os.DevNull).CombinedOutput()
		if strings.Contains(string(out), verb) {
			t.Errorf("%s -q on a terminal shows progress: %q", args, out)
		}
	}
}
