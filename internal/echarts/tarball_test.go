package echarts

import (
	"archive/tar"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExtractTarballRefusesUnsafeEntries(t *testing.T) {
	tests := []struct {
		name  string
		entry tarEntry
		want  string
	}{
		{"parent directory", tarEntry{Name: "package/../escaped.js"}, `".." is not allowed`},
		{"parent of the top", tarEntry{Name: "../escaped.js"}, `".." is not allowed`},
		{"deep parent", tarEntry{Name: "package/lib/../../../escaped.js"}, `".." is not allowed`},
		{"absolute", tarEntry{Name: "/tmp/escaped.js"}, "absolute names are not allowed"},
		{"backslash root", tarEntry{Name: `\tmp\escaped.js`}, "absolute names are not allowed"},
		{"backslash parent", tarEntry{Name: `package\..\..\escaped.js`}, "backslashes"},
		{"drive letter", tarEntry{Name: "package/C:/escaped.js"}, "colons"},
		{"symlink", tarEntry{Name: "package/link", Typeflag: tar.TypeSymlink, Linkname: "../../escaped.js"}, "links are not allowed"},
		{"hard link", tarEntry{Name: "package/link", Typeflag: tar.TypeLink, Linkname: "/etc/passwd"}, "links are not allowed"},
		{"device", tarEntry{Name: "package/dev", Typeflag: tar.TypeChar}, "unsupported entry type"},
		{"fifo", tarEntry{Name: "package/fifo", Typeflag: tar.TypeFifo}, "unsupported entry type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tarball := makeTarball(t, []tarEntry{{Name: "package/package.json", Body: "{}"}, tt.entry})
			parent := t.TempDir()
			dest := filepath.Join(parent, "unpacked", "package")
			os.Mkdir(filepath.Dir(dest), 0o755)
			err := extractTarball(bytes.NewReader(tarball), dest)
			var unsafe *UnsafeEntryError
			if !errors.As(err, &unsafe) {
				t.Fatalf("error %v, want an UnsafeEntryError", err)
			}
			if unsafe.Name != tt.entry.Name || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q: want entry %q and %q", err, tt.entry.Name, tt.want)
			}
			for _, outside := range []string{filepath.Join(parent, "escaped.js"), filepath.Join(parent, "unpacked", "escaped.js")} {
				if _, err := os.Stat(outside); err == nil {
					t.Errorf("%s was written", outside)
				}
			}
		})
	}
}

func TestExtractTarballStripsTopDirectory(t *testing.T) {
	tarball := makeTarball(t, []tarEntry{
		{Name: "pkg-1.0.0/", Typeflag: tar.TypeDir},
		{Name: "pkg-1.0.0/package.json", Body: `{"name":"pkg"}`},
		{Name: "pkg-1.0.0/lib/", Typeflag: tar.TypeDir},
		{Name: "./pkg-1.0.0/lib/deep/a.js", Body: "a"}, // parent directories may be missing
	})
	dest := filepath.Join(t.TempDir(), "package")
	if err := extractTarball(bytes.NewReader(tarball), dest); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"package.json": `{"name":"pkg"}`, "lib/deep/a.js": "a"} {
		got, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(name)))
		if err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", name, got, err, want)
		}
	}
}

func TestExtractTarballRejectsGarbage(t *testing.T) {
	err := extractTarball(strings.NewReader("<html>not a tarball</html>"), filepath.Join(t.TempDir(), "package"))
	if err == nil || !strings.Contains(err.Error(), "not a gzipped tarball") {
		t.Errorf("error %v, want it to say the download is not a gzipped tarball", err)
	}
}
