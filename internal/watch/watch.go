// Package watch watches a site folder and delivers debounced batches of
// changed paths, so that `almanac serve` can rebuild on every save.
//
// # Event loop
//
// One goroutine, running loop.run, owns every piece of mutable state: the
// set of watched folders, the pending changes, the debounce timer, the batch
// waiting to be delivered and the queue of non-fatal errors. It is a single
// select over
//
//   - fsnotify's events: each one is filtered (editor swap, backup and lock
//     files, dotfiles and chmod-only events are dropped), then recorded in
//     the pending set, which (re)arms the timer;
//   - fsnotify's errors: a queue overflow marks the batch as a rescan and
//     re-synchronises the watches with the disk; other errors are queued for
//     [Watcher.Errors];
//   - the timer: when it fires, the pending set becomes a [Batch];
//   - the outgoing batch and error channels, enabled only when something is
//     waiting to be sent, so a slow reader never stops the loop from draining
//     inotify (a new batch is merged into one not yet taken);
//   - the done channel closed by [Watcher.Close].
//
// The timer fires Debounce after the latest event, but never later than
// MaxWait after the first event of the batch, so a save reaches the preview
// quickly while a `git checkout` of 500 files still gives one batch.
//
// # Folders
//
// inotify is not recursive: every folder under the watched Dirs gets its own
// watch. When a folder is created or moved in, the loop watches it and all
// its subfolders, then walks it and reports the files already inside, which
// may have been written before the watch existed (`mkdir a && echo > a/b`).
// When a folder is removed or moved away, the watches of it and of all its
// subfolders are dropped, so that a folder moved back in, or renamed within
// the tree, is watched afresh under its new name. Symbolic links are not
// followed.
//
// # Editor saves
//
// Atomic saves (write a temporary file, rename it over the target) and vim's
// backup dance (rename the file to file~, write a new file, delete the
// backup) report the target only: backup, swap and lock files are ignored by
// name, and a file that was created during a batch and is gone again when
// the batch ends did not change anything and is left out.
package watch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Default timings; see [Options].
const (
	DefaultDebounce = 20 * time.Millisecond
	DefaultMaxWait  = 2 * time.Second
)

// Options configure a Watcher.
type Options struct {
	// Root is the site folder.
	Root string
	// Dirs are folders directly under Root, watched recursively: "content",
	// "layouts", "assets", "data". Missing ones are fine: Root itself is
	// watched (not recursively) to notice them being created.
	Dirs []string
	// Files are single files directly under Root: "almanac.toml".
	Files []string
	// Debounce is the quiet period that ends a batch; DefaultDebounce if zero.
	Debounce time.Duration
	// MaxWait bounds how long after its first event a batch is delivered,
	// even if events keep coming; DefaultMaxWait if zero.
	MaxWait time.Duration
}

// Batch is one debounced set of changes.
type Batch struct {
	// Paths are the changed paths relative to Root, slash-separated, sorted
	// and without duplicates: files created, written, removed or renamed. A
	// removed or moved-away folder is reported as the folder path.
	Paths []string
	// Rescan is set when events may have been lost (inotify queue overflow,
	// or a watch could not be added): treat everything as changed.
	Rescan bool
}

// Watcher delivers batches of changes under a site folder. Create it with
// [New] and stop it with [Watcher.Close].
type Watcher struct {
	batches  chan Batch
	errors   chan error
	fsErrors chan error // fsnotify errors, relayed to the loop; tests inject here
	done     chan struct{}
	stopped  chan struct{}

	closeOnce sync.Once
	closeErr  error // written by the loop goroutine before stopped is closed
}

// addWatchFunc adds one inotify watch; tests replace it to simulate limits.
type addWatchFunc func(fsw *fsnotify.Watcher, dir string) error

// New starts watching opts.Root. It fails when the options are invalid or
// when fsnotify cannot start; when an inotify limit is the cause, the error
// wraps [ErrLimit] and says which sysctl setting to raise.
func New(opts Options) (*Watcher, error) {
	return start(opts, (*fsnotify.Watcher).Add)
}

func start(opts Options, addWatch addWatchFunc) (*Watcher, error) {
	l, err := newLoop(opts, addWatch)
	if err != nil {
		return nil, err
	}
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, limitError("start watching "+l.root, err)
	}
	l.fsw = fsw
	if err := l.watchInitial(); err != nil {
		fsw.Close()
		return nil, err
	}
	w := &Watcher{
		batches:  make(chan Batch),
		errors:   make(chan error),
		fsErrors: make(chan error),
		done:     make(chan struct{}),
		stopped:  make(chan struct{}),
	}
	go w.run(l)
	return w, nil
}

// run drives the loop, then tears everything down in order: fsnotify (which
// ends its own goroutine and closes its channels, ending the relay), the
// relay, and finally the public channels.
func (w *Watcher) run(l *loop) {
	relayed := make(chan struct{})
	go func() {
		defer close(relayed)
		forwardErrors(l.fsw.Errors, w.fsErrors, w.done)
	}()
	l.run(l.fsw.Events, w.fsErrors, w.done, w.batches, w.errors)
	w.closeErr = l.fsw.Close()
	<-relayed
	close(w.batches)
	close(w.errors)
	close(w.stopped)
}

// forwardErrors relays fsnotify's errors to the loop. fsnotify may send an
// error while holding the lock that Add and Remove need; without this relay
// the loop, busy adding a watch, could never receive it.
func forwardErrors(in <-chan error, out chan<- error, done <-chan struct{}) {
	for {
		select {
		case <-done:
			return
		case err, ok := <-in:
			if !ok {
				return
			}
			select {
			case out <- err:
			case <-done:
				return
			}
		}
	}
}

// Batches delivers the batches of changes. It is closed by [Watcher.Close].
func (w *Watcher) Batches() <-chan Batch { return w.batches }

// Errors delivers non-fatal problems, such as a watch limit hit while adding
// a new folder (a Batch with Rescan set follows). It is closed by
// [Watcher.Close]. Reading it is optional: errors that nobody reads are
// dropped once a small queue is full.
func (w *Watcher) Errors() <-chan error { return w.errors }

// Close stops watching, ends the watcher's goroutines and closes both
// channels. It is safe to call more than once.
func (w *Watcher) Close() error {
	w.closeOnce.Do(func() { close(w.done) })
	<-w.stopped
	return w.closeErr
}

// checkOptions applies defaults and rejects names that are not single
// entries directly under the root.
func checkOptions(opts *Options) error {
	if opts.Root == "" {
		return errors.New("watch: Options.Root is empty; give the site folder")
	}
	if opts.Debounce <= 0 {
		opts.Debounce = DefaultDebounce
	}
	if opts.MaxWait <= 0 {
		opts.MaxWait = DefaultMaxWait
	}
	for _, name := range append(append([]string(nil), opts.Dirs...), opts.Files...) {
		if !filepath.IsLocal(name) || strings.ContainsAny(name, `/\`) {
			return fmt.Errorf("watch: %q is not a name directly under the site folder; "+
				"give folder and file names such as \"content\" or \"almanac.toml\"", name)
		}
	}
	info, err := os.Stat(opts.Root)
	if err != nil {
		return fmt.Errorf("watch: site folder: %w", err)
	}
	if !info.IsDir() {
		return fmt.Errorf("watch: site folder %s is not a folder", opts.Root)
	}
	return nil
}
