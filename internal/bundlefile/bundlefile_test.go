package bundlefile

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/almanac-news/almanac/internal/diag"
)

// TestRefusedByName checks every name refused whatever the file holds: one
// problem at 1:1 saying what the file is, with a hint.
func TestRefusedByName(t *testing.T) {
	for _, tc := range []struct{ name, words string }{
		{"evil.html", "a web page (.html) cannot be published beside an article"},
		{"EVIL.HTM", "a web page (.htm)"},
		{"a.shtml", "(.shtml)"}, {"a.shtm", "(.shtm)"}, {"a.stm", "(.stm)"},
		{"a.xhtml", "(.xhtml)"}, {"a.xht", "(.xht)"}, {"a.mht", "(.mht)"}, {"a.mhtml", "(.mhtml)"},
		{"bao-cao.html.vi", "a web page (.html)"},
		{"bao-cao.html.", "a web page (.html)"},
		{"bao-cao.html ", "a web page (.html)"},
		{"a.asp;.jpg", "a server program (.asp)"},
		{"du-lieu.xml", "an XML document (.xml)"}, {"a.xsl", "(.xsl)"}, {"a.xslt", "(.xslt)"},
		{"anh.svgz", "a compressed SVG picture (.svgz)"},
		{"a.php", "a server program (.php)"}, {"a.PHP5", "(.php5)"}, {"a.phtml", "(.phtml)"}, {"a.phar", "(.phar)"},
		{"a.aspx", "(.aspx)"}, {"a.ashx", "(.ashx)"}, {"a.asmx", "(.asmx)"}, {"a.asa", "(.asa)"},
		{"a.jsp", "(.jsp)"}, {"a.jspx", "(.jspx)"}, {"a.cfm", "(.cfm)"}, {"a.cfml", "(.cfml)"}, {"a.cgi", "(.cgi)"},
		{"a.php.jpg", "(.php)"},
		{"web.config", "web.config is a web server's settings file"},
		{"Web.Config", "web.config"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			name := "content/tin/bai/" + tc.name
			// The file is a harmless picture: the name alone refuses it.
			ps := Check(fstest.MapFS{name: {Data: []byte("\x89PNG\r\n\x1a\n")}}, name)
			if len(ps) != 1 {
				t.Fatalf("%d problems, want 1: %v", len(ps), diag.Errors(ps))
			}
			if got := ps[0].Pos.String(); got != name+":1:1" {
				t.Errorf("at %s, want %s:1:1", got, name)
			}
			if !strings.Contains(ps[0].Msg, tc.words) || ps[0].Hint == "" {
				t.Errorf("%v: want %q and a hint", ps[0], tc.words)
			}
		})
	}
}

// TestRefusedNameIsNotRead checks that a name refused is refused without
// opening the file.
func TestRefusedNameIsNotRead(t *testing.T) {
	if ps := Check(failingFS{}, "content/tin/bai/evil.html"); len(ps) != 1 {
		t.Errorf("%d problems, want 1", len(ps))
	}
}

// TestMarkupRefused checks that a file of any other name that starts with
// markup is refused at its first "<".
func TestMarkupRefused(t *testing.T) {
	for _, tc := range []struct{ name, data, pos string }{
		{"evil", "<script>alert(1)</script>", "1:1"},
		{"ghi-chu.md", "<!-- ghi chú -->\n# Tiêu đề", "1:1"},
		{"ban-do.kml", "<?xml version=\"1.0\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\"/>", "1:1"},
		{"anh.jpg", "<html><body onload=alert(1)>", "1:1"},
		{"a.txt", " \t\r\n\f\n  <p>x", "3:3"},
		{"bom.dat", "\xef\xbb\xbf<html>", "1:1"},
		{"utf16le.dat", "\xff\xfe \x00\n\x00<\x00h\x00", "2:1"},
		{"utf16be.dat", "\xfe\xff\x00 \x00<\x00h", "1:2"},
		{"utf16be-no-mark.rss", "\x00<\x00?\x00x\x00m\x00l", "1:1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			name := "content/tin/bai/" + tc.name
			ps := checkOne(name, tc.data)
			if len(ps) != 1 {
				t.Fatalf("%d problems, want 1: %v", len(ps), diag.Errors(ps))
			}
			if got := ps[0].Pos.String(); got != name+":"+tc.pos {
				t.Errorf("at %s, want %s:%s", got, name, tc.pos)
			}
			if !strings.Contains(ps[0].Msg, "this file starts with markup") || ps[0].Hint == "" {
				t.Errorf("%v", ps[0])
			}
		})
	}
}

// TestOtherFilesPass checks files of the kinds bundles hold.
func TestOtherFilesPass(t *testing.T) {
	for name, data := range map[string]string{
		"anh.jpg":        "\xff\xd8\xff\xe0\x00\x10JFIF",
		"anh.png":        "\x89PNG\r\n\x1a\n",
		"bai.mp3":        "ID3\x04",
		"so-lieu.csv":    "nam,gia-tri\n2020,1\n",
		"so-lieu.json":   `{"a": "<script>"}`,
		"bao-cao.pdf":    "%PDF-1.7",
		"ghi-chu.md":     "# Ghi chú\n<script>alert(1)</script>",
		"doc.txt":        "chữ, rồi <html>",
		"tep.zip":        "PK\x03\x04",
		"trang.js":       "alert(1)",
		"kieu.css":       "body { color: red }",
		"trong.dat":      "",
		"khoang.dat":     "   \n\t",
		"utf16.dat":      "\xff\xfe",
		"utf16-odd.dat":  "\xff\xfe \x00\n",
		"video.mp4":      "\x00\x00\x00\x18ftypmp42",
		"icon.ico":       "\x00\x00\x01\x00",
		"html-la-ten":    "text",
		"v2.0.tar.gz":    "\x1f\x8b",
		"hinh.svg.txt":   svgOpen + "</svg>",
		"cong-thuc.tex":  `\begin{document}`,
		"xhtml-chu-thoi": "plain",
	} {
		t.Run(name, func(t *testing.T) {
			if ps := checkOne("content/tin/bai/"+name, data); len(ps) > 0 {
				t.Errorf("refused: %v", diag.Errors(ps))
			}
		})
	}
}

// failingFS fails every open.
type failingFS struct{}

func (failingFS) Open(string) (fs.File, error) { return nil, errors.New("disk on fire") }

// brokenFS opens every file, and fails every read.
type brokenFS struct{}

func (brokenFS) Open(name string) (fs.File, error) { return brokenFile{}, nil }

type brokenFile struct{ fs.File }

func (brokenFile) Read([]byte) (int, error) { return 0, errors.New("bad sector") }
func (brokenFile) Close() error             { return nil }

// TestUnreadableFilesGiveNoProblem checks that a file that cannot be
// opened or read gives no problem here: the build's copy reports it.
func TestUnreadableFilesGiveNoProblem(t *testing.T) {
	for _, fsys := range []fs.FS{failingFS{}, brokenFS{}} {
		for _, name := range []string{"content/tin/bai/hinh.svg", "content/tin/bai/ghi-chu.md"} {
			if ps := Check(fsys, name); len(ps) > 0 {
				t.Errorf("%T %s: %v", fsys, name, diag.Errors(ps))
			}
		}
	}
}

// TestExampleSitePicturesPass checks the example site's pictures.
func TestExampleSitePicturesPass(t *testing.T) {
	root := os.DirFS("../..") // the repository is the example site
	for _, name := range []string{
		"content/cong-thuong/tong-ket-nam-2020/anh-bia.svg",
		"content/thi-dua-khen-thuong/vinh-danh-2020/hoa-vinh-danh.svg",
	} {
		if ps := Check(root, name); len(ps) > 0 {
			t.Errorf("%s: %v", name, diag.Errors(ps))
		}
	}
}
