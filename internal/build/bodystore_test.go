package build

import (
	"context"
	"html/template"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/almanac-news/almanac"
	"github.com/almanac-news/almanac/internal/site"
)

// TestBodyStoreRoundTrip puts bodies from many goroutines and reads
// each back as it was, from the file and, where no temporary file can be
// made, from memory.
func TestBodyStoreRoundTrip(t *testing.T) {
	for _, tmp := range []string{t.TempDir(), filepath.Join(t.TempDir(), "missing")} {
		t.Setenv("TMPDIR", tmp)
		s := newBodyStore()
		inFile := !strings.HasSuffix(tmp, "missing")
		if (s.f != nil) != inFile {
			t.Fatalf("TMPDIR=%s: file %v", tmp, s.f)
		}
		bodies := make([]template.HTML, 200)
		kept := make([]site.HTML, len(bodies))
		var wg sync.WaitGroup
		for i := range bodies {
			bodies[i] = template.HTML(strings.Repeat("<p>Sản lượng điện tăng "+string(rune('a'+i%26))+"</p>\n", i+1))
			wg.Go(func() { kept[i] = s.putHTML(bodies[i]) })
		}
		wg.Wait()
		for i, k := range kept {
			if stored := k.(*blob).f != nil; stored != inFile {
				t.Errorf("TMPDIR=%s: body %d kept in the file: %v", tmp, i, stored)
			}
			got, err := k.HTML()
			if err != nil || got != bodies[i] {
				t.Errorf("TMPDIR=%s: body %d read back as %.40q, %v", tmp, i, got, err)
			}
		}
		if s.putHTML("") != nil {
			t.Error("an empty body is kept")
		}
	}
}

// TestBodyStoreReadFails: a body whose file can no longer be read is an
// error, not an empty page.
func TestBodyStoreReadFails(t *testing.T) {
	s := newBodyStore()
	if s.f == nil {
		t.Skip("no temporary file")
	}
	b := s.putHTML("<p>Kim ngạch xuất khẩu</p>")
	s.f.Close()
	if html, err := b.HTML(); err == nil || html != "" || !strings.Contains(err.Error(), "reading back from the build's temporary file") {
		t.Errorf("after the file closed: %q, %v", html, err)
	}
	if _, err := (blob{mem: []byte("not s2")}).read(); err == nil || !strings.Contains(err.Error(), "expanding") {
		t.Errorf("a damaged compressed body expands: %v", err)
	}
}

// TestBuildsLeaveNoTemporaryFile: a build, a preview session and a check
// keep their bodies in a file no folder lists, so nothing is left in the
// temporary folder, whatever ends the process.
func TestBuildsLeaveNoTemporaryFile(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	dir := extract(t, "basic.txtar")
	files := mustBuild(t, dir)
	if len(files) == 0 {
		t.Fatal("the build wrote nothing")
	}
	s := newTestSession(dir)
	if _, _, _, err := s.Build(context.Background(), nil, true); err != nil {
		t.Fatal(err)
	}
	if s.bodies.f == nil {
		t.Fatal("the session keeps its bodies in memory, not in a temporary file")
	}
	if _, err := Check(context.Background(), Options{Site: os.DirFS(dir), Theme: almanac.Theme(), Now: buildTime}); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("the temporary folder holds %v", left)
	}
}
