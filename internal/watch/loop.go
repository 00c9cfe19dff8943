package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// maxQueuedErrors bounds the errors kept for a reader of Errors that is slow
// or absent; later ones are dropped.
const maxQueuedErrors = 32

// changeOps are the fsnotify operations that change content; Chmod alone
// does not.
const changeOps = fsnotify.Create | fsnotify.Write | fsnotify.Remove | fsnotify.Rename

// loop is the state of the event loop. After New returns, only the loop
// goroutine touches it.
type loop struct {
	root     string          // absolute site folder
	dirs     map[string]bool // names of the recursively watched folders
	files    map[string]bool // names of the single watched files
	debounce time.Duration
	maxWait  time.Duration
	fsw      *fsnotify.Watcher
	addWatch addWatchFunc

	watched map[string]bool // absolute folders with a watch, Root excluded
	pending map[string]bool // changed path → it was created during the batch
	rescan  bool            // the pending batch must be a rescan
	first   time.Time       // first event of the pending batch; zero if none
	timer   *time.Timer     // ends the pending batch
	ready   *Batch          // flushed, not yet taken by the reader
	errs    []error         // not yet taken by the reader
}

func newLoop(opts Options, addWatch addWatchFunc) (*loop, error) {
	if err := checkOptions(&opts); err != nil {
		return nil, err
	}
	root, err := filepath.Abs(opts.Root)
	if err != nil {
		return nil, fmt.Errorf("watch: site folder: %w", err)
	}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	return &loop{
		root: root, dirs: nameSet(opts.Dirs), files: nameSet(opts.Files),
		debounce: opts.Debounce, maxWait: opts.MaxWait, addWatch: addWatch,
		watched: map[string]bool{}, pending: map[string]bool{}, timer: timer,
	}, nil
}

func nameSet(names []string) map[string]bool {
	set := make(map[string]bool, len(names))
	for _, name := range names {
		set[name] = true
	}
	return set
}

// watchInitial watches Root and the existing Dirs. Files already there are
// not reported: the first build reads them anyway.
func (l *loop) watchInitial() error {
	if err := l.addWatch(l.fsw, l.root); err != nil {
		return limitError("watch "+l.root, err)
	}
	for name := range l.dirs {
		if err := l.addTree(filepath.Join(l.root, name), false); err != nil {
			return err
		}
	}
	// A folder that could not be watched is in l.errs; the first build
	// reads everything anyway, so no rescan is pending.
	l.rescan, l.first = false, time.Time{}
	l.timer.Stop()
	return nil
}

// run is the event loop; see the package documentation.
func (l *loop) run(events <-chan fsnotify.Event, fsErrors <-chan error,
	done <-chan struct{}, batches chan<- Batch, errs chan<- error) {
	defer l.timer.Stop()
	for {
		var sendBatch chan<- Batch // nil, so disabled, while nothing is ready
		var next Batch
		if l.ready != nil {
			sendBatch, next = batches, *l.ready
		}
		var sendErr chan<- error
		var nextErr error
		if len(l.errs) > 0 {
			sendErr, nextErr = errs, l.errs[0]
		}
		select {
		case <-done:
			return
		case ev, ok := <-events:
			if !ok {
				return
			}
			l.handleEvent(ev)
		case err, ok := <-fsErrors:
			if !ok {
				return
			}
			l.handleError(err)
		case <-l.timer.C:
			l.flush()
		case sendBatch <- next:
			l.ready = nil
		case sendErr <- nextErr:
			l.errs = l.errs[1:]
		}
	}
}

// handleEvent records one fsnotify event and keeps the watches in step with
// the folders it creates, removes or moves.
func (l *loop) handleEvent(ev fsnotify.Event) {
	if !ev.Has(changeOps) {
		return
	}
	rel, inTree, ok := l.relevant(ev.Name)
	if !ok {
		return
	}
	switch {
	case ev.Has(fsnotify.Remove | fsnotify.Rename):
		l.dropTree(ev.Name)
		l.record(rel, false)
	case ev.Has(fsnotify.Create) && inTree && isDir(ev.Name):
		if err := l.addTree(ev.Name, true); err != nil {
			l.watchFailed(err)
		}
	default:
		l.record(rel, ev.Has(fsnotify.Create))
	}
}

// relevant maps an absolute path to its slash-separated path under Root. It
// says whether the path is inside one of the Dirs (or is one), and rejects
// ignored names and entries of Root that are neither Dirs nor Files.
func (l *loop) relevant(path string) (rel string, inTree, ok bool) {
	rel, err := filepath.Rel(l.root, path)
	if err != nil || !filepath.IsLocal(rel) {
		return "", false, false
	}
	rel = filepath.ToSlash(rel)
	if ignoredName(filepath.Base(path)) {
		return "", false, false
	}
	top, _, nested := strings.Cut(rel, "/")
	if !nested && l.files[top] {
		return rel, false, true
	}
	return rel, l.dirs[top], l.dirs[top]
}

func isDir(path string) bool {
	info, err := os.Lstat(path)
	return err == nil && info.IsDir()
}

// exists reports whether path exists (without following a final symlink).
func exists(path string) bool {
	_, err := os.Lstat(path)
	return !errors.Is(err, fs.ErrNotExist)
}

// handleError turns a queue overflow into a rescan and queues other errors.
func (l *loop) handleError(err error) {
	if !errors.Is(err, fsnotify.ErrEventOverflow) {
		l.report(err)
		return
	}
	l.resync()
	l.rescan = true
	l.touch()
}

// watchFailed reports a watch that could not be added; events under it may
// be missed, so the batch becomes a rescan.
func (l *loop) watchFailed(err error) {
	l.report(err)
	l.rescan = true
	l.touch()
}

func (l *loop) report(err error) {
	if len(l.errs) < maxQueuedErrors {
		l.errs = append(l.errs, err)
	}
}

// record adds a changed path to the pending batch.
func (l *loop) record(rel string, created bool) {
	if _, seen := l.pending[rel]; !seen {
		l.pending[rel] = created
	}
	l.touch()
}

// touch (re)arms the timer: Debounce from now, but no later than MaxWait
// after the first event of the batch.
func (l *loop) touch() {
	now := time.Now()
	if l.first.IsZero() {
		l.first = now
	}
	wait := min(l.debounce, l.first.Add(l.maxWait).Sub(now))
	l.timer.Reset(max(wait, 0))
}

// flush turns the pending changes into a batch ready to be sent. A file
// created during the batch and gone at its end (an editor's temporary file)
// changed nothing and is left out. (inotify cannot tell a rename over an
// existing file from a creation, so a file renamed over and then deleted
// within one batch is left out too; that takes two saves and a delete within
// Debounce of each other.)
func (l *loop) flush() {
	paths := make([]string, 0, len(l.pending))
	for rel, created := range l.pending {
		if created && !exists(filepath.Join(l.root, filepath.FromSlash(rel))) {
			continue
		}
		paths = append(paths, rel)
	}
	rescan := l.rescan
	clear(l.pending)
	l.rescan, l.first = false, time.Time{}
	if len(paths) == 0 && !rescan {
		return
	}
	if l.ready != nil { // the reader has not taken the previous batch yet
		paths = append(paths, l.ready.Paths...)
		rescan = rescan || l.ready.Rescan
	}
	slices.Sort(paths)
	l.ready = &Batch{Paths: slices.Compact(paths), Rescan: rescan}
}
