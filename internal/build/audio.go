package build

import (
	"bytes"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/site"
)

// audioSignatures are how the sound files browsers play begin, by
// extension: the bytes at an offset of the file's first 12.
var audioSignatures = map[string][]struct {
	at    int
	magic string
}{
	".mp3":  {{0, "ID3"}, {0, "\xff\xfb"}, {0, "\xff\xf3"}, {0, "\xff\xf2"}, {0, "\xff\xfa"}},
	".m4a":  {{4, "ftyp"}},
	".ogg":  {{0, "OggS"}},
	".oga":  {{0, "OggS"}},
	".opus": {{0, "OggS"}},
	".wav":  {{0, "RIFF"}},
}

// audioProblem reports the audio file of p's bundle that is not the sound
// file its name says: a renamed document or a damaged download would play
// nothing. Files that are not in the bundle are not checked.
func audioProblem(fsys fs.FS, p *site.Page) *diag.Problem {
	r := bundleFile(p, p.Audio)
	if r == nil {
		return nil
	}
	pos := diag.Pos{File: p.Source, Line: max(p.Lines.Line("audio"), 1), Col: 1}
	f, err := fsys.Open(r.Source)
	if err != nil {
		return diag.Errorf(pos, "audio file %q cannot be read: %v", r.Name, err).WithHint("check that the file is readable")
	}
	defer f.Close()
	head := make([]byte, 12)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	ext := strings.ToLower(path.Ext(r.Name))
	for _, sig := range audioSignatures[ext] {
		if len(head) >= sig.at+len(sig.magic) && bytes.Equal(head[sig.at:sig.at+len(sig.magic)], []byte(sig.magic)) {
			if ext != ".wav" || len(head) >= 12 && string(head[8:12]) == "WAVE" {
				return nil
			}
		}
	}
	return diag.Errorf(pos, "audio file %q holds no %s sound: its first bytes are not those of such a file", r.Name, ext).
		WithHint("export the recording again as %s from a sound editor; the file may be damaged or renamed from another kind", ext)
}

// bundleFile is the file of p's bundle published at url, or nil.
func bundleFile(p *site.Page, url string) *site.Resource {
	if p == nil || url == "" {
		return nil
	}
	for i := range p.Resources {
		if p.Resources[i].URL == url {
			return &p.Resources[i]
		}
	}
	return nil
}
