package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"syscall"
)

// addTree watches dir and every folder below it that is not ignored. With
// report set it records the files found, which may have been written before
// their folder was watched. A watch limit stops the walk and is returned;
// other failures are reported and the folder concerned is skipped.
func (l *loop) addTree(dir string, report bool) error {
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return l.walkFailed(path, err)
		}
		if path != dir && ignoredName(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return l.watchDir(path)
		}
		if report {
			if rel, _, ok := l.relevant(path); ok {
				l.record(rel, true)
			}
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) { // dir vanished before the walk
		return nil
	}
	return err
}

// walkFailed handles a folder that could not be listed: one that vanished
// meanwhile is skipped silently, any other failure is reported.
func (l *loop) walkFailed(path string, err error) error {
	if !errors.Is(err, fs.ErrNotExist) {
		l.watchFailed(fmt.Errorf("watch: list %s: %w; changes inside it will not be seen", l.display(path), err))
	}
	return nil
}

// watchDir adds the watch of one folder.
func (l *loop) watchDir(dir string) error {
	if l.watched[dir] {
		return nil
	}
	err := l.addWatch(l.fsw, dir)
	switch {
	case err == nil:
		l.watched[dir] = true
		return nil
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
		return fs.SkipDir // vanished; its Remove event follows
	case isLimit(err):
		return limitError("watch "+l.display(dir), err)
	}
	l.watchFailed(fmt.Errorf("watch: %s: %w; changes inside it will not be seen", l.display(dir), err))
	return fs.SkipDir
}

// dropTree removes the watches of path and of every folder below it, after
// the folder was removed or moved away. Once moved, a watch would report
// events under the old name, and inotify would hand the same watch back if
// the folder were watched again under its new name.
func (l *loop) dropTree(path string) {
	if !l.watched[path] {
		return
	}
	prefix := path + string(filepath.Separator)
	for dir := range l.watched {
		if dir == path || strings.HasPrefix(dir, prefix) {
			// The watch of a deleted folder is already gone; ignore the error.
			_ = l.fsw.Remove(dir)
			delete(l.watched, dir)
		}
	}
}

// resync brings the watches back in line with the disk after events were
// lost: folders that are gone, or whose watch fsnotify dropped, lose their
// watches; new ones get them.
func (l *loop) resync() {
	live := nameSet(l.fsw.WatchList())
	for dir := range l.watched {
		if !isDir(dir) || !live[dir] {
			l.dropTree(dir)
		}
	}
	for name := range l.dirs {
		if err := l.addTree(filepath.Join(l.root, name), false); err != nil {
			l.report(err)
			return
		}
	}
}

// display names a path relative to Root for messages.
func (l *loop) display(path string) string {
	if rel, err := filepath.Rel(l.root, path); err == nil && filepath.IsLocal(rel) {
		return filepath.ToSlash(rel)
	}
	return path
}
