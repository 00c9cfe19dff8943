package watch

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestPlainWrite(t *testing.T) {
	t.Parallel()
	root := newSite(t)
	write(t, filepath.Join(root, "content/post.md"), "v1")
	w := startWatcher(t, siteOptions(root))

	write(t, filepath.Join(root, "content/post.md"), "v2")
	expectPaths(t, w, root, "content/post.md")
}

func TestFilesAndIgnoredRootEntries(t *testing.T) {
	t.Parallel()
	root := newSite(t)
	w := startWatcher(t, siteOptions(root))

	write(t, filepath.Join(root, "almanac.toml"), "title = 'y'")
	write(t, filepath.Join(root, "notes.txt"), "not watched")
	mkdir(t, filepath.Join(root, "public/tin-tuc"))
	write(t, filepath.Join(root, "public/tin-tuc/index.html"), "output")
	expectPaths(t, w, root, "almanac.toml")
}

func TestAtomicRenameSave(t *testing.T) {
	t.Parallel()
	root := newSite(t)
	target := filepath.Join(root, "content/post.md")
	write(t, target, "v1")
	w := startWatcher(t, siteOptions(root))

	for i, temp := range []string{".post.md.tmp123", "post.md.tmp456"} {
		write(t, filepath.Join(root, "content", temp), fmt.Sprint("v", i+2))
		rename(t, filepath.Join(root, "content", temp), target)
		expectPaths(t, w, root, "content/post.md")
	}
}

// TestVimSave replays vim's default save with writebackup: probe the folder
// with 4913, rename the file to its backup, write a new file, delete the
// backup, while the swap file is written to.
func TestVimSave(t *testing.T) {
	t.Parallel()
	root := newSite(t)
	dir := filepath.Join(root, "content")
	target := filepath.Join(dir, "post.md")
	write(t, target, "v1")
	write(t, filepath.Join(dir, ".post.md.swp"), "swap")
	w := startWatcher(t, siteOptions(root))

	write(t, filepath.Join(dir, "4913"), "")
	remove(t, filepath.Join(dir, "4913"))
	rename(t, target, target+"~")
	write(t, target, "v2")
	write(t, filepath.Join(dir, ".post.md.swp"), "swap 2")
	write(t, filepath.Join(dir, "post.md.swo"), "other swap")
	write(t, filepath.Join(dir, "#post.md#"), "emacs autosave")
	write(t, filepath.Join(dir, ".#post.md"), "emacs lock")
	write(t, filepath.Join(dir, ".DS_Store"), "finder")
	remove(t, target+"~")
	expectPaths(t, w, root, "content/post.md")
}

func TestNewFolderWithFileWrittenRightAway(t *testing.T) {
	t.Parallel()
	root := newSite(t)
	w := startWatcher(t, siteOptions(root))

	// The file is likely written before the watcher has watched the folder.
	mkdir(t, filepath.Join(root, "content/the-thao"))
	write(t, filepath.Join(root, "content/the-thao/a.md"), "a")
	expectPaths(t, w, root, "content/the-thao/a.md")

	write(t, filepath.Join(root, "content/the-thao/b.md"), "b")
	write(t, filepath.Join(root, "content/the-thao/a.md"), "a2")
	expectPaths(t, w, root, "content/the-thao/a.md", "content/the-thao/b.md")
}

func TestNestedNewFolders(t *testing.T) {
	t.Parallel()
	root := newSite(t)
	w := startWatcher(t, siteOptions(root))

	mkdir(t, filepath.Join(root, "content/a/b/c"))
	write(t, filepath.Join(root, "content/a/b/c/deep.md"), "x")
	expectPaths(t, w, root, "content/a/b/c/deep.md")

	write(t, filepath.Join(root, "content/a/b/c/deeper.md"), "y")
	write(t, filepath.Join(root, "content/a/b/mid.md"), "z")
	expectPaths(t, w, root, "content/a/b/c/deeper.md", "content/a/b/mid.md")
}

func TestMissingDirCreatedLater(t *testing.T) {
	t.Parallel()
	root := newSite(t)
	w := startWatcher(t, siteOptions(root))

	mkdir(t, filepath.Join(root, "layouts/partials"))
	write(t, filepath.Join(root, "layouts/partials/head.html"), "<head>")
	expectPaths(t, w, root, "layouts/partials/head.html")

	write(t, filepath.Join(root, "layouts/base.html"), "<html>")
	expectPaths(t, w, root, "layouts/base.html")
}

func TestDeletedFile(t *testing.T) {
	t.Parallel()
	root := newSite(t)
	write(t, filepath.Join(root, "content/old.md"), "x")
	w := startWatcher(t, siteOptions(root))

	remove(t, filepath.Join(root, "content/old.md"))
	expectPaths(t, w, root, "content/old.md")
}

func TestDeletedFolder(t *testing.T) {
	t.Parallel()
	root := newSite(t)
	mkdir(t, filepath.Join(root, "content/sec/sub"))
	write(t, filepath.Join(root, "content/sec/sub/x.md"), "x")
	w := startWatcher(t, siteOptions(root))

	remove(t, filepath.Join(root, "content/sec"))
	got := reported(t, w, root)
	if !slices.Contains(got, "content/sec") {
		t.Errorf("removed folder not reported: %q", got)
	}
	for _, p := range got {
		if p != "content/sec" && !strings.HasPrefix(p, "content/sec/") {
			t.Errorf("unexpected path %q", p)
		}
	}

	// A folder of the same name is watched afresh.
	mkdir(t, filepath.Join(root, "content/sec/sub"))
	write(t, filepath.Join(root, "content/sec/sub/y.md"), "y")
	expectPaths(t, w, root, "content/sec/sub/y.md")
	write(t, filepath.Join(root, "content/sec/sub/z.md"), "z")
	expectPaths(t, w, root, "content/sec/sub/z.md")
}

func TestFolderMovedAwayIsNoLongerWatched(t *testing.T) {
	t.Parallel()
	root, elsewhere := newSite(t), t.TempDir()
	mkdir(t, filepath.Join(root, "content/sec/sub"))
	write(t, filepath.Join(root, "content/sec/sub/x.md"), "x")
	w := startWatcher(t, siteOptions(root))

	rename(t, filepath.Join(root, "content/sec"), filepath.Join(elsewhere, "sec"))
	write(t, filepath.Join(elsewhere, "sec/sub/x.md"), "edited outside")
	write(t, filepath.Join(elsewhere, "sec/new.md"), "outside")
	expectPaths(t, w, root, "content/sec")
}

func TestFolderMovedIn(t *testing.T) {
	t.Parallel()
	root, elsewhere := newSite(t), t.TempDir()
	mkdir(t, filepath.Join(elsewhere, "draft/img"))
	write(t, filepath.Join(elsewhere, "draft/a.md"), "a")
	write(t, filepath.Join(elsewhere, "draft/img/chart.csv"), "1,2")
	write(t, filepath.Join(elsewhere, "draft/.hidden.md"), "h")
	w := startWatcher(t, siteOptions(root))

	rename(t, filepath.Join(elsewhere, "draft"), filepath.Join(root, "content/draft"))
	expectPaths(t, w, root, "content/draft/a.md", "content/draft/img/chart.csv")

	write(t, filepath.Join(root, "content/draft/img/chart.csv"), "3,4")
	write(t, filepath.Join(root, "content/draft/b.md"), "b")
	expectPaths(t, w, root, "content/draft/b.md", "content/draft/img/chart.csv")
}

// TestFolderRenamedInside checks that the watches of a renamed folder follow
// its new name instead of reporting events under the old one.
func TestFolderRenamedInside(t *testing.T) {
	t.Parallel()
	root := newSite(t)
	mkdir(t, filepath.Join(root, "content/old/sub"))
	write(t, filepath.Join(root, "content/old/sub/x.md"), "x")
	w := startWatcher(t, siteOptions(root))

	rename(t, filepath.Join(root, "content/old"), filepath.Join(root, "content/new"))
	expectPaths(t, w, root, "content/new/sub/x.md", "content/old")

	write(t, filepath.Join(root, "content/new/sub/x.md"), "x2")
	expectPaths(t, w, root, "content/new/sub/x.md")
}

func TestBurstGivesOneBatch(t *testing.T) {
	t.Parallel()
	root := newSite(t)
	opts := siteOptions(root)
	opts.Debounce = 500 * time.Millisecond
	w := startWatcher(t, opts)

	var want []string
	for i := range 500 {
		name := fmt.Sprintf("content/p%03d.md", i)
		write(t, filepath.Join(root, name), "x")
		want = append(want, name)
	}
	if b := nextBatch(t, w); !slices.Equal(b.Paths, want) || b.Rescan {
		t.Fatalf("first batch has %d paths (rescan %v), want the 500 files", len(b.Paths), b.Rescan)
	}
	// A second batch from the burst would come before the sentinel's.
	expectPaths(t, w, root)
}

func TestMaxWaitEndsAContinuousStream(t *testing.T) {
	t.Parallel()
	root := newSite(t)
	opts := siteOptions(root)
	opts.Debounce, opts.MaxWait = 300*time.Millisecond, 400*time.Millisecond
	w := startWatcher(t, opts)

	stop := make(chan struct{})
	var writer sync.WaitGroup
	defer func() { close(stop); writer.Wait() }()
	writer.Go(func() { // one write every 50 ms: the debounce alone never expires
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
				os.WriteFile(filepath.Join(root, fmt.Sprintf("content/s%d.md", i)), nil, 0o644)
			}
		}
	})
	if b := nextBatch(t, w); len(b.Paths) == 0 {
		t.Errorf("empty batch %+v", b)
	}
}

func TestChmodOnlyIsIgnored(t *testing.T) {
	t.Parallel()
	root := newSite(t)
	write(t, filepath.Join(root, "content/post.md"), "x")
	w := startWatcher(t, siteOptions(root))

	if err := os.Chmod(filepath.Join(root, "content/post.md"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(root, "content"), 0o700); err != nil {
		t.Fatal(err)
	}
	expectPaths(t, w, root)
}

func TestDefaultTimingsDeliverQuickly(t *testing.T) {
	t.Parallel()
	root := newSite(t)
	w := startWatcher(t, Options{Root: root, Dirs: []string{"content"}})

	start := time.Now()
	write(t, filepath.Join(root, "content/post.md"), "x")
	b := nextBatch(t, w)
	t.Logf("batch after %v", time.Since(start))
	if !slices.Equal(b.Paths, []string{"content/post.md"}) {
		t.Errorf("got %+v", b)
	}
}

// TestCloseLeavesNoGoroutine is not parallel: it counts goroutines.
func TestCloseLeavesNoGoroutine(t *testing.T) {
	before := runtime.NumGoroutine()
	root := newSite(t)
	w, err := New(siteOptions(root))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(root, "content/a.md"), "a")
	nextBatch(t, w)
	write(t, filepath.Join(root, "content/b.md"), "b") // a batch nobody reads
	mkdir(t, filepath.Join(root, "content/dir"))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	if _, ok := <-w.Batches(); ok {
		t.Error("Batches still open after Close")
	}
	if _, ok := <-w.Errors(); ok {
		t.Error("Errors still open after Close")
	}
	deadline := time.Now().Add(waitLimit)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines before, %d after Close:\n%s", before, n, buf[:runtime.Stack(buf, true)])
	}
}
