package watch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// failFor returns an addWatch that fails with err for folders named name,
// the first times calls only (all calls if times is negative). It is called
// by New and then only by the loop goroutine, so it needs no lock.
func failFor(name string, err error, times int) addWatchFunc {
	return func(fsw *fsnotify.Watcher, dir string) error {
		if filepath.Base(dir) == name && times != 0 {
			times--
			return err
		}
		return fsw.Add(dir)
	}
}

func inject(t *testing.T, w *Watcher, err error) {
	t.Helper()
	select {
	case w.fsErrors <- err:
	case <-time.After(waitLimit):
		t.Fatal("loop does not take errors")
	}
}

// errorAndRescan waits for one error and one rescan batch, in any order.
func errorAndRescan(t *testing.T, w *Watcher) error {
	t.Helper()
	var gotErr error
	rescan := false
	for gotErr == nil || !rescan {
		select {
		case err := <-w.Errors():
			gotErr = err
		case b := <-w.Batches():
			rescan = rescan || b.Rescan
		case <-time.After(waitLimit):
			t.Fatalf("error %v, rescan %v after %v", gotErr, rescan, waitLimit)
		}
	}
	return gotErr
}

func TestOverflowGivesRescan(t *testing.T) {
	t.Parallel()
	w := startWatcher(t, siteOptions(newSite(t)))
	inject(t, w, fmt.Errorf("read: %w", fsnotify.ErrEventOverflow))
	if b := nextBatch(t, w); !b.Rescan {
		t.Errorf("got %+v, want a rescan", b)
	}
}

func TestWatchLimitOnNewFolder(t *testing.T) {
	t.Parallel()
	root := newSite(t)
	w := startWith(t, siteOptions(root), failFor("blocked", syscall.ENOSPC, -1))

	mkdir(t, filepath.Join(root, "content/blocked"))
	err := errorAndRescan(t, w)
	if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "fs.inotify.max_user_watches=524288") ||
		!strings.Contains(err.Error(), "content/blocked") {
		t.Errorf("error %q does not name the folder, the limit and its fix", err)
	}
}

// TestOverflowResyncsWatches: a folder whose watch failed is watched again
// after an overflow, as are folders whose events were lost.
func TestOverflowResyncsWatches(t *testing.T) {
	t.Parallel()
	root := newSite(t)
	w := startWith(t, siteOptions(root), failFor("blocked", syscall.EACCES, 1))

	mkdir(t, filepath.Join(root, "content/blocked"))
	if err := errorAndRescan(t, w); !errors.Is(err, syscall.EACCES) || errors.Is(err, ErrLimit) {
		t.Errorf("got error %v, want permission denied", err)
	}
	inject(t, w, fsnotify.ErrEventOverflow)
	if b := nextBatch(t, w); !b.Rescan {
		t.Errorf("got %+v, want a rescan", b)
	}
	write(t, filepath.Join(root, "content/blocked/a.md"), "a")
	expectPaths(t, w, root, "content/blocked/a.md")
}

func TestLimitAtStart(t *testing.T) {
	t.Parallel()
	_, err := start(siteOptions(newSite(t)), failFor("content", syscall.ENOSPC, -1))
	if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "max_user_watches") {
		t.Errorf("got %v, want the watch limit and its fix", err)
	}
}

func TestOtherErrorsAreForwarded(t *testing.T) {
	t.Parallel()
	w := startWatcher(t, siteOptions(newSite(t)))
	boom := errors.New("boom")
	inject(t, w, boom)
	select {
	case err := <-w.Errors():
		if err != boom {
			t.Errorf("got %v, want %v", err, boom)
		}
	case <-time.After(waitLimit):
		t.Fatal("error not forwarded")
	}
}

// TestUnreadErrorsDoNotBlock: a reader that never reads Errors still gets
// its batches.
func TestUnreadErrorsDoNotBlock(t *testing.T) {
	t.Parallel()
	root := newSite(t)
	w := startWatcher(t, siteOptions(root))
	for i := range 3 * maxQueuedErrors {
		inject(t, w, fmt.Errorf("error %d", i))
	}
	write(t, filepath.Join(root, "content/post.md"), "x")
	for {
		select {
		case b := <-w.Batches():
			if len(b.Paths) != 1 || b.Paths[0] != "content/post.md" {
				t.Errorf("got %+v", b)
			}
			return
		case <-time.After(waitLimit):
			t.Fatal("no batch while errors are unread")
		}
	}
}

func TestOptionsAreChecked(t *testing.T) {
	t.Parallel()
	root := newSite(t)
	file := filepath.Join(root, "almanac.toml")
	tests := []struct {
		name string
		opts Options
		want string
	}{
		{"no root", Options{}, "Root is empty"},
		{"missing root", Options{Root: filepath.Join(root, "nope")}, "no such file"},
		{"root is a file", Options{Root: file}, "is not a folder"},
		{"nested dir", Options{Root: root, Dirs: []string{"content/blog"}}, `"content/blog" is not a name directly under`},
		{"parent dir", Options{Root: root, Dirs: []string{".."}}, `".." is not a name`},
		{"absolute file", Options{Root: root, Files: []string{file}}, "is not a name directly under"},
	}
	for _, tt := range tests {
		w, err := New(tt.opts)
		if err == nil {
			w.Close()
			t.Errorf("%s: no error", tt.name)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %q lacks %q", tt.name, err, tt.want)
		}
	}
	if _, err := os.Stat(root); err != nil {
		t.Fatal(err)
	}
}
