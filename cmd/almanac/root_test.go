package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommandsRefuseLinksOutOfSite checks that build and check read the
// site through an os.Root: a link in content/ to a file outside the site
// folder is an error naming the link, and nothing of the file is published.
func TestCommandsRefuseLinksOutOfSite(t *testing.T) {
	outside := writeSite(t, map[string]string{"secret.md": "---\ntitle: BÍ MẬT\ndate: 2020-12-30\n---\nBÍ MẬT\n"})
	dir := writeSite(t, goodSite)
	if err := os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(dir, "content", "tin", "leak.md")); err != nil {
		t.Skip("cannot make a symbolic link:", err)
	}
	const want = "content/tin/leak.md:1:1: cannot follow this link: path escapes from parent"
	for _, cmd := range []string{"build", "check"} {
		code, out, errOut := runCLI(cmd, "--source", dir)
		if code != 1 || !strings.Contains(out+errOut, want) {
			t.Errorf("%s: exit %d\n%s%s\nwant exit 1 and %q", cmd, code, out, errOut, want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !errors.Is(err, fs.ErrNotExist) {
		t.Error("the build wrote public/")
	}
}
