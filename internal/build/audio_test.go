package build

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/almanac-news/almanac"
)

// TestAudioFilesAreCheckedByTheirBytes builds, checks and previews a site
// whose article's audio file is named .mp3 but holds text: an error at the
// audio: line; a real MP3 frame passes.
func TestAudioFilesAreCheckedByTheirBytes(t *testing.T) {
	article := "---\ntitle: Bản tin\ndate: 2020-12-30\naudio: ban-tin.mp3\n---\nNghe bản tin.\n"
	dir := oddSite(t, map[string]string{
		"content/tin/ban-tin/index.md":    article,
		"content/tin/ban-tin/ban-tin.mp3": "<html>not found</html>",
	})
	const want = `content/tin/ban-tin/index.md:4:1: audio file "ban-tin.mp3" holds no .mp3 sound: its first bytes are not those of such a file`
	if _, err := buildFS(t, dir, os.DirFS(dir)); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("build: %v\nwant %s", err, want)
	}
	res, err := Check(context.Background(), Options{Site: os.DirFS(dir), Theme: almanac.Theme(), Now: buildTime})
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, p := range res.Problems {
		found = found || strings.Contains(p.Error(), want)
	}
	if !found {
		t.Errorf("check: %v\nwant %s", res.Problems, want)
	}
	session := NewSession(Options{Site: os.DirFS(dir), Theme: almanac.Theme(), Now: buildTime})
	if _, _, _, err := session.Build(context.Background(), nil, true); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("preview: %v\nwant %s", err, want)
	}
	frame := append([]byte{0xff, 0xfb, 0x90, 0x64}, make([]byte, 413)...)
	writeFile(t, dir, "content/tin/ban-tin/ban-tin.mp3", string(frame))
	mustBuild(t, dir)
}
