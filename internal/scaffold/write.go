package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteArticle writes a new article's Markdown into the site folder site:
// content/<section>/<name>.md, or content/<section>/<name>/index.md when
// bundle is set, a folder ready for the article's pictures, audio and CSV
// files. It returns the file's path. It never overwrites a file, and
// refuses a name whose page already exists in the other form and a
// section that is itself a page bundle.
func WriteArticle(site, section, name string, bundle bool, md []byte) (string, error) {
	dir := filepath.Join(site, "content", section)
	single, folder := filepath.Join(dir, name+".md"), filepath.Join(dir, name, "index.md")
	file, other := single, folder
	if bundle {
		file, other = folder, single
	}
	if fileExists(filepath.Join(dir, "index.md")) {
		return "", fmt.Errorf("%s is a page bundle (it holds index.md), not a section; pick a section folder", dir)
	}
	if fileExists(other) {
		return "", fmt.Errorf("%s already makes this article's page; choose another title or edit that file", other)
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return "", err
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("%s already exists; choose another title or edit that file", file)
	}
	if err != nil {
		return "", err
	}
	if _, err := f.Write(md); err != nil {
		f.Close()
		os.Remove(file)
		return "", err
	}
	return file, f.Close()
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}
