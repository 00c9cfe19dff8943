package watch

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// waitLimit bounds every wait on a channel; it is generous because the
// tests run with -race on a busy machine.
const waitLimit = 10 * time.Second

// testDebounce is long enough that the few syscalls of one editor save never
// straddle two batches, even on a loaded machine.
const testDebounce = 150 * time.Millisecond

// sentinel is written after the operations under test. inotify delivers
// events in order, so once it has been reported every earlier event has been
// too: whatever else was reported up to then is exactly what the operations
// produced.
const sentinel = "content/zz-sentinel.md"

// newSite makes a site folder with a content folder and almanac.toml.
func newSite(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	mkdir(t, filepath.Join(root, "content"))
	write(t, filepath.Join(root, "almanac.toml"), "title = 'x'")
	return root
}

func siteOptions(root string) Options {
	return Options{
		Root:     root,
		Dirs:     []string{"content", "layouts", "assets", "data"},
		Files:    []string{"almanac.toml"},
		Debounce: testDebounce,
		MaxWait:  time.Minute,
	}
}

// startWatcher starts a watcher that is closed when the test ends.
func startWatcher(t *testing.T, opts Options) *Watcher {
	t.Helper()
	return startWith(t, opts, (*fsnotify.Watcher).Add)
}

func startWith(t *testing.T, opts Options, add addWatchFunc) *Watcher {
	t.Helper()
	w, err := start(opts, add)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := w.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return w
}

func nextBatch(t *testing.T, w *Watcher) Batch {
	t.Helper()
	select {
	case b, ok := <-w.Batches():
		if !ok {
			t.Fatal("Batches closed")
		}
		return b
	case err := <-w.Errors():
		t.Fatalf("unexpected error: %v", err)
	case <-time.After(waitLimit):
		t.Fatalf("no batch within %v", waitLimit)
	}
	return Batch{}
}

// pathsUntilSentinel writes the sentinel file, then gathers the batches up
// to the one that reports it and returns their paths, sentinel excluded.
func pathsUntilSentinel(t *testing.T, w *Watcher, root string) []string {
	t.Helper()
	write(t, filepath.Join(root, sentinel), "end")
	var paths []string
	for !slices.Contains(paths, sentinel) {
		b := nextBatch(t, w)
		if b.Rescan {
			t.Fatalf("unexpected rescan: %+v", b)
		}
		checkSortedUnique(t, b.Paths)
		paths = append(paths, b.Paths...)
	}
	paths = slices.DeleteFunc(paths, func(p string) bool { return p == sentinel })
	slices.Sort(paths)
	return slices.Compact(paths)
}

// reported returns what was reported before the sentinel, then removes the
// sentinel and swallows its removal, so that it does not leak into the next
// expectation.
func reported(t *testing.T, w *Watcher, root string) []string {
	t.Helper()
	got := pathsUntilSentinel(t, w, root)
	if err := os.Remove(filepath.Join(root, sentinel)); err != nil {
		t.Fatal(err)
	}
	for b := nextBatch(t, w); !slices.Contains(b.Paths, sentinel); b = nextBatch(t, w) {
		t.Errorf("unexpected batch %+v", b)
	}
	return got
}

// expectPaths checks that exactly want was reported before the sentinel.
func expectPaths(t *testing.T, w *Watcher, root string, want ...string) {
	t.Helper()
	got := reported(t, w, root)
	if want == nil {
		want = []string{}
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("reported paths:\n got %q\nwant %q", got, want)
	}
}

func checkSortedUnique(t *testing.T, paths []string) {
	t.Helper()
	if !slices.IsSorted(paths) || len(slices.Compact(slices.Clone(paths))) != len(paths) {
		t.Errorf("paths not sorted and unique: %q", paths)
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mkdir(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(path, 0o755); err != nil {
		t.Fatal(err)
	}
}

func rename(t *testing.T, from, to string) {
	t.Helper()
	if err := os.Rename(from, to); err != nil {
		t.Fatal(err)
	}
}

func remove(t *testing.T, path string) {
	t.Helper()
	if err := os.RemoveAll(path); err != nil {
		t.Fatal(err)
	}
}
