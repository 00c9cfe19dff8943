package echarts

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// digestPath is where the sha256 of the cached bundle at jsPath is kept, in
// the format of sha256sum, so `sha256sum -c` can check it too.
func digestPath(jsPath string) string { return jsPath + ".sha256" }

// readCachedBundle returns the bundle cached at jsPath if it is there and
// matches its recorded sha256. A missing, partial or damaged entry is a miss:
// the caller rebuilds it.
func readCachedBundle(jsPath string) ([]byte, bool) {
	recorded, err := os.ReadFile(digestPath(jsPath))
	if err != nil {
		return nil, false
	}
	want, _, _ := strings.Cut(string(recorded), " ")
	js, err := os.ReadFile(jsPath)
	if err != nil {
		return nil, false
	}
	sum := sha256.Sum256(js)
	if hex.EncodeToString(sum[:]) != want {
		return nil, false
	}
	return js, true
}

// writeCachedBundle stores js at jsPath and then its digest. Each file is
// written under a temporary name and renamed into place, so readers see
// either nothing or a whole file; a bundle without its digest is a miss.
func writeCachedBundle(cacheDir, jsPath string, js []byte) error {
	if err := os.MkdirAll(filepath.Dir(jsPath), 0o755); err != nil {
		return &CacheError{Dir: cacheDir, Err: err}
	}
	sum := sha256.Sum256(js)
	digest := fmt.Sprintf("%s  %s\n", hex.EncodeToString(sum[:]), filepath.Base(jsPath))
	if err := writeFileAtomic(jsPath, js); err != nil {
		return &CacheError{Dir: cacheDir, Err: err}
	}
	if err := writeFileAtomic(digestPath(jsPath), []byte(digest)); err != nil {
		return &CacheError{Dir: cacheDir, Err: err}
	}
	return nil
}

// writeFileAtomic writes data to a temporary file next to name and renames
// it to name.
func writeFileAtomic(name string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), tempPrefix+filepath.Base(name)+"-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if closeErr := tmp.Close(); err == nil {
		err = closeErr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}
