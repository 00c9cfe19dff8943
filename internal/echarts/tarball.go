package echarts

import (
	"archive/tar"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// maxUnpackedBytes bounds what one tarball may unpack to; echarts unpacks to
// about 60 MB.
const maxUnpackedBytes = 512 << 20

// UnsafeEntryError reports a tarball entry that would be written outside the
// package directory, or a link, which Almanac never unpacks.
type UnsafeEntryError struct {
	Name   string // the entry's name in the tarball
	Reason string
}

func (e *UnsafeEntryError) Error() string {
	return fmt.Sprintf("refusing tarball entry %q: %s", e.Name, e.Reason)
}

// extractTarballFile unpacks the gzipped npm tarball at name into dest,
// which must not exist yet.
func extractTarballFile(name, dest string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return extractTarball(f, dest)
}

// extractTarball unpacks a gzipped npm tarball into dest, which must not
// exist yet. npm tarballs keep everything under one top directory (usually
// "package/"); that directory is stripped, as npm does. Entries with ".."
// components, absolute names, links and special files are refused, and
// writes go through an os.Root so nothing can land outside dest.
func extractTarball(r io.Reader, dest string) error {
	gz, err := gzip.NewReader(r)
	if err != nil {
		return fmt.Errorf("not a gzipped tarball: %w", err)
	}
	defer gz.Close()
	if err := os.Mkdir(dest, 0o755); err != nil {
		return err
	}
	root, err := os.OpenRoot(dest)
	if err != nil {
		return err
	}
	defer root.Close()
	budget := int64(maxUnpackedBytes)
	tr := tar.NewReader(gz)
	for {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading tarball: %w", err)
		}
		if err := extractEntry(root, hdr, tr, &budget); err != nil {
			return err
		}
	}
}

// extractEntry writes one tarball entry below root.
func extractEntry(root *os.Root, hdr *tar.Header, r io.Reader, budget *int64) error {
	switch hdr.Typeflag {
	case tar.TypeXGlobalHeader:
		return nil
	case tar.TypeReg, tar.TypeDir:
	case tar.TypeSymlink, tar.TypeLink:
		return &UnsafeEntryError{Name: hdr.Name, Reason: "links are not allowed in npm packages"}
	default:
		return &UnsafeEntryError{Name: hdr.Name, Reason: fmt.Sprintf("unsupported entry type %q", hdr.Typeflag)}
	}
	rel, err := entryPath(hdr.Name)
	if err != nil {
		return err
	}
	if rel == "" { // the top directory itself
		return nil
	}
	if hdr.Typeflag == tar.TypeDir {
		return root.MkdirAll(rel, 0o755)
	}
	if dir := path.Dir(rel); dir != "." {
		if err := root.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	return writeEntry(root, rel, hdr, r, budget)
}

// writeEntry copies a regular file's contents, charging them to budget.
func writeEntry(root *os.Root, rel string, hdr *tar.Header, r io.Reader, budget *int64) error {
	*budget -= hdr.Size
	if hdr.Size < 0 || *budget < 0 {
		return fmt.Errorf("tarball unpacks to more than %d MB", maxUnpackedBytes>>20)
	}
	f, err := root.OpenFile(rel, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = io.CopyN(f, r, hdr.Size)
	if closeErr := f.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		return fmt.Errorf("unpacking %s: %w", hdr.Name, err)
	}
	return nil
}

// entryPath checks a tarball entry name and returns it relative to the
// package directory, in slash form, with the top directory stripped.
func entryPath(name string) (string, error) {
	switch {
	case strings.HasPrefix(name, "/") || strings.HasPrefix(name, `\`) || filepath.VolumeName(name) != "":
		return "", &UnsafeEntryError{Name: name, Reason: "absolute names are not allowed"}
	case strings.ContainsAny(name, "\\\x00") || strings.Contains(name, ":"):
		return "", &UnsafeEntryError{Name: name, Reason: `backslashes, colons and NUL bytes are not allowed`}
	}
	for _, part := range strings.Split(name, "/") {
		if part == ".." {
			return "", &UnsafeEntryError{Name: name, Reason: `".." is not allowed`}
		}
	}
	_, rest, _ := strings.Cut(strings.TrimPrefix(path.Clean(name), "./"), "/")
	if rest == "" {
		return "", nil
	}
	if !filepath.IsLocal(filepath.FromSlash(rest)) {
		return "", &UnsafeEntryError{Name: name, Reason: "the name is not local to the package directory"}
	}
	return rest, nil
}
