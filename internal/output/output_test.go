package output

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

// tree reads every file and folder under root: slash path → content, with
// folders as "<dir>" and the mode appended.
func tree(t *testing.T, root string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == root {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		info, err := d.Info()
		if err != nil {
			return err
		}
		content := "<dir>"
		if !d.IsDir() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			content = string(data)
		}
		got[filepath.ToSlash(rel)] = fmt.Sprintf("%s %v", content, info.Mode().Perm())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func writeTree(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// siblings lists the names in dest's parent folder.
func siblings(t *testing.T, dest string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(dest))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func begin(t *testing.T, dest string) *Staging {
	t.Helper()
	s, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestCommitReplacesTree(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	writeTree(t, dest, map[string]string{"index.html": "old home", "removed/index.html": "gone"})

	s := begin(t, dest)
	must(t, s.WriteFile("index.html", []byte("new home")))
	must(t, s.WriteFile("cong-nghiep/bao-cao/index.html", []byte("article")))
	w, err := s.Create("feed.xml")
	must(t, err)
	_, err = io.WriteString(w, "<rss/>")
	must(t, err)
	must(t, w.Close())
	src := fstest.MapFS{"css/main.css": {Data: []byte("body{}")}}
	must(t, s.CopyFile("assets/css/main.1234.css", src, "css/main.css"))
	if s.Count() != 4 {
		t.Errorf("Count = %d, want 4", s.Count())
	}
	must(t, s.Commit())
	must(t, s.Abort()) // a deferred Abort after Commit does nothing

	want := map[string]string{
		"index.html":                     "new home -rw-r--r--",
		"feed.xml":                       "<rss/> -rw-r--r--",
		"cong-nghiep":                    "<dir> -rwxr-xr-x",
		"cong-nghiep/bao-cao":            "<dir> -rwxr-xr-x",
		"cong-nghiep/bao-cao/index.html": "article -rw-r--r--",
		"assets":                         "<dir> -rwxr-xr-x",
		"assets/css":                     "<dir> -rwxr-xr-x",
		"assets/css/main.1234.css":       "body{} -rw-r--r--",
	}
	if got := tree(t, dest); !maps.Equal(got, want) {
		t.Errorf("tree after commit = %v, want %v", got, want)
	}
	if info, err := os.Stat(dest); err != nil || info.Mode().Perm() != DirMode {
		t.Errorf("dest mode = %v, %v; want %v", info.Mode().Perm(), err, DirMode)
	}
	if got := siblings(t, dest); !slices.Equal(got, []string{"public"}) {
		t.Errorf("folder beside dest holds %v, want only public", got)
	}
}

func TestCommitCreatesMissingDest(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "site", "public")
	s := begin(t, dest)
	must(t, s.WriteFile("index.html", []byte("home")))
	must(t, s.Commit())
	if got := tree(t, dest); !maps.Equal(got, map[string]string{"index.html": "home -rw-r--r--"}) {
		t.Errorf("tree = %v", got)
	}
	if err := s.WriteFile("late.html", nil); err == nil {
		t.Error("WriteFile after Commit succeeded")
	}
	if err := s.Commit(); err == nil {
		t.Error("second Commit succeeded")
	}
}

func TestAbortLeavesDestUntouched(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	writeTree(t, dest, map[string]string{"index.html": "home", "a/b.html": "b"})
	before := tree(t, dest)

	s := begin(t, dest)
	must(t, s.WriteFile("index.html", []byte("half-built")))
	must(t, s.WriteFile("c/d.html", []byte("d")))
	must(t, s.Abort())

	if got := tree(t, dest); !maps.Equal(got, before) {
		t.Errorf("tree after abort = %v, want %v", got, before)
	}
	if got := siblings(t, dest); !slices.Equal(got, []string{"public"}) {
		t.Errorf("folder beside dest holds %v, want only public", got)
	}
	if err := s.WriteFile("x.html", nil); err == nil {
		t.Error("WriteFile after Abort succeeded")
	}
}

func TestEscapingPathsRefused(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	s := begin(t, dest)
	defer s.Abort()
	bad := []string{"", ".", "/etc/passwd", "../outside.html", "a/../../outside.html", "a/../b",
		"a//b", "./a", "a/", "a/.", `a\..\b`, `..\outside.html`, "a\x00b"}
	src := fstest.MapFS{"f": {Data: []byte("x")}}
	for _, rel := range bad {
		errs := map[string]error{"WriteFile": s.WriteFile(rel, []byte("x")), "CopyFile": s.CopyFile(rel, src, "f")}
		_, errs["Create"] = s.Create(rel)
		for method, err := range errs {
			if !errors.Is(err, ErrInvalidPath) {
				t.Errorf("%s(%q) = %v, want ErrInvalidPath", method, rel, err)
			}
		}
	}
	if s.Count() != 0 {
		t.Errorf("Count = %d after refused writes", s.Count())
	}
	if got := tree(t, s.Dir()); len(got) != 0 {
		t.Errorf("staging folder holds %v", got)
	}
	if got := siblings(t, dest); len(got) != 1 || !strings.HasPrefix(got[0], ".public.staging-") {
		t.Errorf("folder beside dest holds %v, want only the staging folder", got)
	}
}

func TestWrittenTwice(t *testing.T) {
	s := begin(t, filepath.Join(t.TempDir(), "public"))
	defer s.Abort()
	must(t, s.WriteFile("a/index.html", []byte("first")))
	err := s.WriteFile("a/index.html", []byte("second"))
	if !errors.Is(err, fs.ErrExist) || !strings.Contains(err.Error(), "a/index.html is written twice") {
		t.Errorf("second write = %v, want a written-twice error", err)
	}
	if s.Count() != 1 {
		t.Errorf("Count = %d, want 1", s.Count())
	}
}

func TestConcurrentWrites(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	s := begin(t, dest)
	const workers, perWorker = 16, 25
	var wg sync.WaitGroup
	errs := make(chan error, workers*perWorker)
	for w := range workers {
		wg.Go(func() {
			for i := range perWorker {
				// Workers share folders, so they race to create them.
				rel := fmt.Sprintf("section-%d/page-%d-%d/index.html", i%5, w, i)
				errs <- s.WriteFile(rel, []byte(rel))
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		must(t, err)
	}
	if s.Count() != workers*perWorker {
		t.Errorf("Count = %d, want %d", s.Count(), workers*perWorker)
	}
	must(t, s.Commit())
	files := 0
	for rel, content := range tree(t, dest) {
		if strings.HasSuffix(rel, ".html") {
			files++
			if content != rel+" -rw-r--r--" {
				t.Errorf("%s holds %q", rel, content)
			}
		}
	}
	if files != workers*perWorker {
		t.Errorf("%d files written, want %d", files, workers*perWorker)
	}
}

func TestBeginCleansLeftovers(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	writeTree(t, dest, map[string]string{"index.html": "home"})
	parent := filepath.Dir(dest)
	writeTree(t, filepath.Join(parent, ".public.staging-123"), map[string]string{"half.html": "x"})
	writeTree(t, filepath.Join(parent, ".public.old-abc"), map[string]string{"stale/index.html": "x"})
	writeTree(t, filepath.Join(parent, ".other.staging-1"), map[string]string{"keep.html": "x"})

	s := begin(t, dest)
	defer s.Abort()
	got := siblings(t, dest)
	if len(got) != 3 || got[0] != ".other.staging-1" || got[2] != "public" ||
		!strings.HasPrefix(got[1], ".public.staging-") || got[1] == ".public.staging-123" {
		t.Errorf("folder beside dest holds %v, want .other.staging-1, a new staging folder and public", got)
	}
	if got := tree(t, dest); !maps.Equal(got, map[string]string{"index.html": "home -rw-r--r--"}) {
		t.Errorf("dest = %v", got)
	}
}

func TestBeginRestoresInterruptedCommit(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	parent := filepath.Dir(dest)
	// Killed between Commit's renames: the previous tree was moved aside
	// and the new one never moved in.
	writeTree(t, filepath.Join(parent, ".public.old-xyz"), map[string]string{"index.html": "previous"})
	writeTree(t, filepath.Join(parent, ".public.staging-9"), map[string]string{"index.html": "unfinished"})

	s := begin(t, dest)
	must(t, s.Abort())
	if got := tree(t, dest); !maps.Equal(got, map[string]string{"index.html": "previous -rw-r--r--"}) {
		t.Errorf("dest after recovery = %v, want the previous tree", got)
	}
	if got := siblings(t, dest); !slices.Equal(got, []string{"public"}) {
		t.Errorf("folder beside dest holds %v, want only public", got)
	}
}

func TestBeginRefusesBadDest(t *testing.T) {
	file := filepath.Join(t.TempDir(), "public")
	writeTree(t, filepath.Dir(file), map[string]string{"public": "not a folder"})
	for _, dest := range []string{file, "/", "."} {
		if s, err := Begin(dest); err == nil {
			s.Abort()
			t.Errorf("Begin(%q) succeeded", dest)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestCommitThroughLinkedDestination(t *testing.T) {
	dir := t.TempDir()
	www := filepath.Join(dir, "www")
	if err := os.MkdirAll(www, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(www, "old.html"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	public := filepath.Join(dir, "public")
	if err := os.Symlink(www, public); err != nil {
		t.Fatal(err)
	}
	s, err := Begin(public)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.WriteFile("index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(public); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("public is no longer the link: %v %v", info, err)
	}
	got, err := os.ReadFile(filepath.Join(public, "index.html"))
	if err != nil || string(got) != "new" {
		t.Fatalf("through the link: %q %v", got, err)
	}
	if _, err := os.Stat(filepath.Join(www, "old.html")); !os.IsNotExist(err) {
		t.Errorf("the old build is still in the linked folder: %v", err)
	}
}
