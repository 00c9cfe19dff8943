package main

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// readTree reads every file under dir, by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// sameTrees reports the files that differ between two output folders.
func sameTrees(t *testing.T, step, got, want string) {
	t.Helper()
	g, w := readTree(t, got), readTree(t, want)
	for name, b := range w {
		if !bytes.Equal(g[name], b) {
			t.Errorf("%s: %s differs from a build with --fresh", step, name)
		}
	}
	for name := range g {
		if _, ok := w[name]; !ok {
			t.Errorf("%s: %s is not in a build with --fresh", step, name)
		}
	}
}

// editArchive adds a sentence to every seventh article of a generated
// archive, and retitles one.
func editArchive(t *testing.T, dir string, n int) {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "content", "*", "*-*.md"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no article to edit: %v", err)
	}
	for i := n % 7; i < len(names); i += 7 {
		src, err := os.ReadFile(names[i])
		if err != nil {
			t.Fatal(err)
		}
		text := string(src) + "\nMột câu thêm.\n"
		if i == n%7 {
			text = regexp.MustCompile(`title: "`).ReplaceAllString(text, `title: "Sửa - `)
		}
		if err := os.WriteFile(names[i], []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestKilledBuildsLeaveTheCacheWhole kills almanac build with SIGKILL at
// several moments of builds that edit a 300-article archive, then checks
// that the next build, which takes what it can from the cache the killed
// ones left, writes exactly what a build with --fresh writes.
func TestKilledBuildsLeaveTheCacheWhole(t *testing.T) {
	dir := t.TempDir()
	writeArchive(t, dir, 300)
	dest := filepath.Join(dir, "public")
	run := func(args ...string) {
		t.Helper()
		if out, err := exec.Command(binary(t), append([]string{"build", "-s", dir, "--lang", "en"}, args...)...).CombinedOutput(); err != nil {
			t.Fatalf("almanac build %v: %v\n%s", args, err, out)
		}
	}
	run()
	for n, delay := range []time.Duration{100, 250, 400, 600, 900} {
		editArchive(t, dir, n)
		cmd := exec.Command(binary(t), "build", "-s", dir, "--lang", "en")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
	}
	out, err := exec.Command(binary(t), "build", "-s", dir, "--lang", "en", "--verbose").CombinedOutput()
	if err != nil {
		t.Fatalf("the build after the killed ones: %v\n%s", err, out)
	}
	if !regexp.MustCompile(`[1-9]\d* of \d+ pages unchanged, linked from the build cache`).Match(out) {
		t.Errorf("the build after the killed ones took nothing from the cache:\n%s", out)
	}
	fresh := filepath.Join(t.TempDir(), "fresh")
	run("-d", fresh, "--fresh")
	sameTrees(t, "after killed builds", dest, fresh)
}

// TestTwoBuildsAtOnce runs two builds of one site into two destinations
// at the same time, both with the site's cache, and checks that each
// writes what a build with --fresh writes.
func TestTwoBuildsAtOnce(t *testing.T) {
	dir := t.TempDir()
	writeArchive(t, dir, 300)
	if out, err := exec.Command(binary(t), "build", "-s", dir, "--lang", "en").CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	editArchive(t, dir, 3)
	dests := []string{filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")}
	var wg sync.WaitGroup
	outs := make([][]byte, len(dests))
	errs := make([]error, len(dests))
	for i, d := range dests {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outs[i], errs[i] = exec.Command(binary(t), "build", "-s", dir, "-d", d, "--lang", "en").CombinedOutput()
		}()
	}
	wg.Wait()
	for i := range dests {
		if errs[i] != nil || strings.Contains(string(outs[i]), "note:") {
			t.Errorf("build %d: %v\n%s", i, errs[i], outs[i])
		}
	}
	fresh := filepath.Join(t.TempDir(), "fresh")
	if out, err := exec.Command(binary(t), "build", "-s", dir, "-d", fresh, "--fresh", "--lang", "en").CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, d := range dests {
		sameTrees(t, "two builds at once", d, fresh)
	}
}

// TestUnusableCacheIsANote: when .almanac-cache cannot be made (a file
// is in the way), the build succeeds, renders every page and says why
// in a note, in the site's language or the one asked for.
func TestUnusableCacheIsANote(t *testing.T) {
	dir := t.TempDir()
	writeArchive(t, dir, 20)
	if err := os.WriteFile(filepath.Join(dir, ".almanac-cache"), []byte("in the way"), 0o644); err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]string{"en": `note: .*\.almanac-cache: the build cache cannot be used: `, "vi": `lưu ý: .*\.almanac-cache: không dùng được bộ nhớ đệm dựng: `} {
		out, err := exec.Command(binary(t), "build", "-s", dir, "--lang", lang).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", lang, err, out)
		}
		if !regexp.MustCompile(want).Match(out) || !strings.Contains(string(out), "not a directory") {
			t.Errorf("%s: the build does not say why the cache was not used:\n%s", lang, out)
		}
	}
}
