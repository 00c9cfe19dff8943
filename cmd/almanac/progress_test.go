package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/almanac-news/almanac/internal/messages"
	"github.com/almanac-news/almanac/internal/sitegen"
)

// writeArchive writes a generated archive of n articles into dir.
func writeArchive(t *testing.T, dir string, n int) {
	t.Helper()
	cfg := sitegen.Default(n)
	cfg.End = time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	s, err := sitegen.Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Write(dir); err != nil {
		t.Fatal(err)
	}
}

// TestBuildProgressOnATerminal builds a 300-article archive with a
// terminal that shows progress at once and every millisecond: the lines
// say the phase and how many of how many, each rewriting the last, and
// the terminal's line is cleared at the end. Off a terminal, the same
// build prints the summary line and nothing else.
func TestBuildProgressOnATerminal(t *testing.T) {
	dir := t.TempDir()
	writeArchive(t, dir, 300)
	for _, lang := range []messages.Language{messages.English, messages.Vietnamese} {
		var term, stdout, stderr bytes.Buffer
		c := &cli{stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" }, lang: lang,
			terminal: &progressTerminal{w: &term, every: time.Millisecond}}
		root := newRootCommand(c)
		root.SetArgs([]string{"build", "-s", dir, "-d", filepath.Join(t.TempDir(), "out")})
		if err := root.Execute(); err != nil {
			t.Fatalf("%s: %v\n%s", lang, err, stderr.String())
		}
		line := map[messages.Language]*regexp.Regexp{
			messages.English:    regexp.MustCompile(`^Building .+ …: (reading (\d+) of (\d+) files|writing (\d+) of (\d+) pages|planning the pages, feeds and sitemaps)$`),
			messages.Vietnamese: regexp.MustCompile(`^Đang dựng .+ …: (đọc (\d+) trên (\d+) tệp|ghi (\d+) trên (\d+) trang|lập danh sách trang, nguồn tin và sitemap)$`),
		}[lang]
		shown := strings.Split(term.String(), "\r\x1b[K")
		if len(shown) < 3 || shown[len(shown)-1] != "" {
			t.Fatalf("%s: the terminal shows %q; want the message, progress lines, and the line cleared", lang, term.String())
		}
		phases := map[string]bool{}
		for _, s := range shown[1 : len(shown)-1] {
			m := line.FindStringSubmatch(s)
			if m == nil {
				t.Errorf("%s: progress line %q", lang, s)
				continue
			}
			phases[strings.Fields(m[1])[0]] = true
			if done, total := m[2]+m[4], m[3]+m[5]; done != "" && atoi(done) > atoi(total) {
				t.Errorf("%s: %q counts past its total", lang, s)
			}
		}
		if len(phases) < 2 {
			t.Errorf("%s: only the phases %v showed; want at least two of reading, planning, writing", lang, phases)
		}
		if !strings.HasPrefix(stdout.String(), map[messages.Language]string{messages.English: "Built ", messages.Vietnamese: "Đã dựng "}[lang]) {
			t.Errorf("%s: summary %q", lang, stdout.String())
		}
	}
	r := runBinary(t, dir, nil, "build", "-d", filepath.Join(t.TempDir(), "out"))
	if r.code != 0 || r.stderr != "" || strings.Count(r.stdout, "\n") != 1 {
		t.Errorf("off a terminal, build printed more than its summary line:\n%s", r)
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// TestBinaryBuildProfile: --profile writes a CPU and a heap profile
// (gzipped protocol buffers, as go tool pprof reads them), and says so
// plainly when the folder cannot be made.
func TestBinaryBuildProfile(t *testing.T) {
	dir := extractSite(t, "warning.txtar")
	prof := filepath.Join(t.TempDir(), "prof")
	if r := runBinary(t, dir, nil, "build", "--profile", prof, "-d", filepath.Join(t.TempDir(), "out")); r.code != 0 {
		t.Fatalf("build --profile: %s", r)
	}
	for _, name := range []string{"cpu.pprof", "heap.pprof", "heap-peak.pprof"} {
		f, err := os.Open(filepath.Join(prof, name))
		if err != nil {
			t.Fatal(err)
		}
		head := make([]byte, 2)
		_, err = io.ReadFull(f, head)
		f.Close()
		if err != nil || head[0] != 0x1f || head[1] != 0x8b {
			t.Errorf("%s is not a gzipped profile: %v %x", name, err, head)
		}
	}
	timeline, err := os.ReadFile(filepath.Join(prof, "memory.tsv"))
	lines := strings.Split(strings.TrimSpace(string(timeline)), "\n")
	if err != nil || lines[0] != strings.TrimSuffix(timelineHeader, "\n") || len(lines) < 2 {
		t.Fatalf("memory.tsv: %v\n%s", err, timeline)
	}
	last := strings.Split(lines[len(lines)-1], "\t")
	if len(last) != 8 || last[1] != "finished" || last[4] == "0" {
		t.Errorf("the timeline's last line is %q: want 8 columns, the finished phase and a live heap", last)
	}
	blocked := filepath.Join(t.TempDir(), "file")
	writeSiteFile(t, filepath.Dir(blocked), "file", "not a folder")
	r := runBinary(t, dir, nil, "build", "--profile", filepath.Join(blocked, "prof"))
	if r.code != 1 || !strings.Contains(r.stderr, "almanac build: --profile: cannot write the profiles into "+filepath.Join(blocked, "prof")+": ") {
		t.Errorf("build --profile into a file's folder:\n%s", r)
	}
}

// TestBinaryKilledLeavesNoTemporaryFile kills almanac build with SIGKILL
// while it writes a 300-article archive: its temporary folder holds
// nothing, since the bodies' file is removed as soon as it is made, and
// the destination was never created (the staging folder is left for the
// next build to clear, as output's tests check).
func TestBinaryKilledLeavesNoTemporaryFile(t *testing.T) {
	dir, tmp := t.TempDir(), t.TempDir()
	writeArchive(t, dir, 300)
	dest := filepath.Join(t.TempDir(), "public")
	cmd := exec.Command(binary(t), "build", "-s", dir, "-d", dest, "--lang", "en")
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	cmd.Process.Kill()
	cmd.Wait()
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("the temporary folder holds %v", left)
	}
	killed := cmd.ProcessState != nil && !cmd.ProcessState.Exited()
	if _, err := os.Stat(dest); err == nil && killed {
		t.Errorf("a killed build made %s", dest)
	}
	if !killed {
		t.Logf("the build ended before it was killed")
	}
}
