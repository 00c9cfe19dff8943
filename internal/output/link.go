package output

import (
	"errors"
	"os"
	"path"
)

// Link puts the existing file oldname, an operating-system path, at rel
// inside the staging folder as a hard link: the same bytes, made by an
// earlier build, neither read nor copied. It fails and writes nothing
// when oldname is missing or on another file system than the staging
// folder; rel then counts as not written.
func (s *Staging) Link(rel, oldname string) error {
	if err := checkPath(rel); err != nil {
		return err
	}
	if s.finished.Load() {
		return errFinished
	}
	if err := s.mkdirAll(path.Dir(rel)); err != nil {
		return err
	}
	if err := os.Link(oldname, s.osPath(rel)); err != nil {
		return err
	}
	s.count.Add(1)
	return nil
}

// LinkOut makes newname, an operating-system path outside the staging
// folder, a hard link to the written file rel, so that the file outlives
// this build's tree. An existing newname is left as it is.
func (s *Staging) LinkOut(rel, newname string) error {
	if err := checkPath(rel); err != nil {
		return err
	}
	err := os.Link(s.osPath(rel), newname)
	if errors.Is(err, os.ErrExist) {
		return nil
	}
	return err
}
