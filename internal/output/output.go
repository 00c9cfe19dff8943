// Package output is the write stage of a build: it writes every output file
// into a fresh staging folder beside the destination and swaps that folder
// in only when the whole build succeeded.
//
// A failed build calls Abort and leaves the previous destination untouched;
// a successful one calls Commit, and since the new tree replaces the old
// one, the files of removed pages disappear. A build killed half way leaves
// hidden folders beside the destination (.<base>.staging-* and
// .<base>.old-*); the next Begin cleans them up, and restores the previous
// tree first when the kill came between Commit's two renames.
//
// Only one build may write to a destination at a time.
package output

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
)

// File modes of everything written, before the umask (022 gives these same modes).
const (
	FileMode fs.FileMode = 0o644
	DirMode  fs.FileMode = 0o755
)

// ErrInvalidPath is wrapped by the errors of writes to a path that is not a
// plain relative, slash-separated path inside the staging folder.
var ErrInvalidPath = errors.New("output paths must be relative and slash-separated, without \"..\", \".\", empty elements, backslashes or NUL")

// errFinished is returned by writes after Commit or Abort.
var errFinished = errors.New("output: the staging folder was already committed or aborted")

// Staging is the staging folder of one build. Its methods are safe for
// concurrent use, but Commit must come after every write has returned.
type Staging struct {
	dest     string
	dir      string // the staging folder
	dirsMu   sync.Mutex
	dirs     map[string]struct{} // slash paths of the folders already created in dir
	count    atomic.Int64
	finished atomic.Bool
	finish   sync.Mutex // serialises Commit and Abort
}

// Begin prepares a build of dest: it restores the previous tree if a build
// was killed between Commit's two renames, removes the leftovers of killed
// builds, and creates an empty staging folder beside dest.
func Begin(dest string) (*Staging, error) {
	dest = filepath.Clean(dest)
	if info, err := os.Lstat(dest); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		// A destination that links elsewhere (a common deployment set-up):
		// build beside the folder it links to, and leave the link alone.
		target, err := filepath.EvalSymlinks(dest)
		if err != nil {
			return nil, fmt.Errorf("output: %s is a link that leads nowhere: %w", dest, err)
		}
		dest = target
	}
	base := filepath.Base(dest)
	if base == string(filepath.Separator) || base == "." || base == ".." || filepath.Dir(dest) == dest {
		return nil, fmt.Errorf("output: cannot build into %q: name a folder such as public", dest)
	}
	if info, err := os.Stat(dest); err == nil && !info.IsDir() {
		return nil, fmt.Errorf("output: %s exists and is not a folder; remove it or choose another output folder", dest)
	}
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, DirMode); err != nil {
		return nil, fmt.Errorf("output: cannot build into %s: %w", dest, err)
	}
	if err := restoreInterrupted(dest); err != nil {
		return nil, err
	}
	if err := removeLeftovers(dest); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp(parent, stagingPrefix(base))
	if err != nil {
		return nil, fmt.Errorf("output: cannot build into %s: creating a staging folder in %s: %w", dest, parent, errno(err))
	}
	if err := os.Chmod(dir, DirMode); err != nil {
		_ = os.RemoveAll(dir)
		return nil, fmt.Errorf("output: %w", err)
	}
	return &Staging{dest: dest, dir: dir, dirs: map[string]struct{}{}}, nil
}

func stagingPrefix(base string) string { return "." + base + ".staging-" }
func oldPrefix(base string) string     { return "." + base + ".old-" }

// siblingsWithPrefix returns the entries beside dest whose names start with
// prefix.
func siblingsWithPrefix(dest, prefix string) ([]fs.DirEntry, error) {
	entries, err := os.ReadDir(filepath.Dir(dest))
	if err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	var found []fs.DirEntry
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) {
			found = append(found, e)
		}
	}
	return found, nil
}

// restoreInterrupted puts the newest .<base>.old-* folder back in place
// when dest is missing: a build was killed after moving the previous tree
// aside and before moving the new one in.
func restoreInterrupted(dest string) error {
	if _, err := os.Lstat(dest); !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	olds, err := siblingsWithPrefix(dest, oldPrefix(filepath.Base(dest)))
	if err != nil {
		return err
	}
	var newest string
	var newestTime int64
	for _, e := range olds {
		info, err := e.Info()
		if err != nil || !info.IsDir() {
			continue
		}
		if t := info.ModTime().UnixNano(); newest == "" || t > newestTime {
			newest, newestTime = e.Name(), t
		}
	}
	if newest == "" {
		return nil
	}
	if err := os.Rename(filepath.Join(filepath.Dir(dest), newest), dest); err != nil {
		return fmt.Errorf("output: restoring the previous build: %w", err)
	}
	return nil
}

// removeLeftovers removes the staging and old folders of killed builds.
func removeLeftovers(dest string) error {
	base := filepath.Base(dest)
	for _, prefix := range []string{stagingPrefix(base), oldPrefix(base)} {
		leftovers, err := siblingsWithPrefix(dest, prefix)
		if err != nil {
			return err
		}
		for _, e := range leftovers {
			if err := os.RemoveAll(filepath.Join(filepath.Dir(dest), e.Name())); err != nil {
				return fmt.Errorf("output: removing a leftover of an earlier build: %w", err)
			}
		}
	}
	return nil
}

// Dir returns the staging folder.
func (s *Staging) Dir() string { return s.dir }

// Count returns the number of files written so far.
func (s *Staging) Count() int { return int(s.count.Load()) }

// WriteFile writes data to the slash-separated path rel inside the staging
// folder, creating parent folders. Writing the same path twice is an error
// wrapping fs.ErrExist: two outputs claimed one file.
func (s *Staging) WriteFile(rel string, data []byte) error {
	w, err := s.Create(rel)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return errors.Join(err, w.Close())
}

// Create opens the slash-separated path rel inside the staging folder for
// writing, with the same checks as WriteFile. The file counts as written
// once Close succeeds.
func (s *Staging) Create(rel string) (io.WriteCloser, error) {
	if err := checkPath(rel); err != nil {
		return nil, err
	}
	if s.finished.Load() {
		return nil, errFinished
	}
	if err := s.mkdirAll(path.Dir(rel)); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(s.osPath(rel), os.O_WRONLY|os.O_CREATE|os.O_EXCL, FileMode)
	if errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("output: %s is written twice: %w", rel, fs.ErrExist)
	}
	if err != nil {
		return nil, s.writeError(rel, err)
	}
	return &stagedFile{File: f, staging: s, rel: rel}, nil
}

// writeFailed is a failed write of a file or folder of the staging folder.
// Its message names the destination rather than the staging folder,
// which readers of the message never see, and keeps the system's reason:
// "no space left on device", "permission denied"…
type writeFailed struct {
	rel, dest string
	err       error
}

func (e *writeFailed) Error() string {
	return fmt.Sprintf("output: cannot write %s into %s: %v", e.rel, e.dest, e.err)
}

func (e *writeFailed) Unwrap() error { return e.err }

func (s *Staging) writeError(rel string, err error) error {
	return &writeFailed{rel: rel, dest: s.dest, err: errno(err)}
}

// errno strips the path from a file system error, leaving its reason.
func errno(err error) error {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		return pathErr.Err
	}
	return err
}

// CopyFile copies the file name of src to rel inside the staging folder.
func (s *Staging) CopyFile(rel string, src fs.FS, name string) error {
	in, err := src.Open(name)
	if err != nil {
		return fmt.Errorf("output: %w", err)
	}
	defer in.Close()
	out, err := s.Create(rel)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	var failed *writeFailed
	if err != nil && !errors.As(err, &failed) {
		err = fmt.Errorf("output: copying %s to %s: %w", name, rel, err)
	}
	return errors.Join(err, out.Close())
}

// stagedFile counts itself as written when closed without error.
type stagedFile struct {
	*os.File
	staging *Staging
	rel     string
	closed  bool
}

func (f *stagedFile) Write(p []byte) (int, error) {
	n, err := f.File.Write(p)
	if err != nil {
		err = f.staging.writeError(f.rel, err)
	}
	return n, err
}

// ReadFrom keeps os.File's copy in the kernel for CopyFile.
func (f *stagedFile) ReadFrom(r io.Reader) (int64, error) {
	n, err := f.File.ReadFrom(r)
	if err != nil {
		err = f.staging.writeError(f.rel, err)
	}
	return n, err
}

func (f *stagedFile) Close() error {
	if f.closed {
		return fs.ErrClosed
	}
	f.closed = true
	if err := f.File.Close(); err != nil {
		return f.staging.writeError(f.rel, err)
	}
	f.staging.count.Add(1)
	return nil
}

// checkPath accepts only plain relative slash-separated paths, so that no
// write can land outside the staging folder.
func checkPath(rel string) error {
	if rel == "." || !fs.ValidPath(rel) || strings.ContainsAny(rel, "\\\x00") ||
		!filepath.IsLocal(filepath.FromSlash(rel)) {
		return fmt.Errorf("output: refusing to write %q: %w", rel, ErrInvalidPath)
	}
	return nil
}

func (s *Staging) osPath(rel string) string {
	return filepath.Join(s.dir, filepath.FromSlash(rel))
}

// mkdirAll creates the folder rel and its parents inside the staging
// folder, remembering those it made so that each is made once.
func (s *Staging) mkdirAll(rel string) error {
	if rel == "." {
		return nil
	}
	s.dirsMu.Lock()
	_, done := s.dirs[rel]
	s.dirsMu.Unlock()
	if done {
		return nil
	}
	if err := s.mkdirAll(path.Dir(rel)); err != nil {
		return err
	}
	err := os.Mkdir(s.osPath(rel), DirMode)
	if errors.Is(err, fs.ErrExist) {
		err = nil // made by another goroutine, or a file: writing into it will fail
	}
	if err != nil {
		return s.writeError(rel+"/", err)
	}
	s.dirsMu.Lock()
	s.dirs[rel] = struct{}{}
	s.dirsMu.Unlock()
	return nil
}

// Commit swaps the staging folder in place of the destination: it renames
// the destination aside, renames the staging folder to the destination and
// removes the previous tree. If the previous tree cannot be removed, the
// next Begin removes it.
func (s *Staging) Commit() error {
	s.finish.Lock()
	defer s.finish.Unlock()
	if !s.finished.CompareAndSwap(false, true) {
		return errFinished
	}
	if _, err := os.Lstat(s.dest); err == nil {
		swapped, err := exchange(s.dir, s.dest)
		if err != nil {
			s.finished.Store(false)
			return fmt.Errorf("output: swapping the new build in place: %w", err)
		}
		if swapped { // s.dir now holds the previous build
			removeTree(s.dir) // a leftover is removed by the next Begin
			return nil
		}
	}
	old := ""
	if _, err := os.Lstat(s.dest); err == nil {
		old = filepath.Join(filepath.Dir(s.dest), oldPrefix(filepath.Base(s.dest))+rand.Text())
		if err := os.Rename(s.dest, old); err != nil {
			s.finished.Store(false)
			return fmt.Errorf("output: moving the previous build aside: %w", err)
		}
	}
	if err := os.Rename(s.dir, s.dest); err != nil {
		if old != "" {
			err = errors.Join(err, os.Rename(old, s.dest))
		}
		s.finished.Store(false)
		return fmt.Errorf("output: moving the new build in place: %w", err)
	}
	if old != "" {
		removeTree(old) // a leftover is removed by the next Begin
	}
	return nil
}

// removeTree removes dir, its top-level entries in parallel: removing a
// large site is thousands of unlink calls.
func removeTree(dir string) {
	if info, err := os.Lstat(dir); err != nil || !info.IsDir() {
		_ = os.Remove(dir) // a link is removed, never followed
		return
	}
	entries, _ := os.ReadDir(dir)
	var wg sync.WaitGroup
	for _, e := range entries {
		wg.Go(func() { _ = os.RemoveAll(filepath.Join(dir, e.Name())) })
	}
	wg.Wait()
	_ = os.RemoveAll(dir)
}

// Abort removes the staging folder, leaving the destination as it was. It
// does nothing after Commit, so a build can defer it.
func (s *Staging) Abort() error {
	s.finish.Lock()
	defer s.finish.Unlock()
	if !s.finished.CompareAndSwap(false, true) {
		return nil // committed, or aborted already
	}
	if err := os.RemoveAll(s.dir); err != nil {
		return fmt.Errorf("output: removing the staging folder: %w", err)
	}
	return nil
}
