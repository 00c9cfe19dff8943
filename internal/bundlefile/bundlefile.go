// Package bundlefile decides which files of a page bundle may be
// published by a site that does not trust its writers: one whose
// almanac.toml leaves allow_html false. The files beside an article's
// index.md are copied to the site as they are, at the address of its
// pages, so a file that a browser opens as a document would run its
// scripts as the site's own (reading and changing every page of the site
// in the reader's browser), and a file that a web server runs as a
// program would run on the server. With allow_html = true the site's
// owner trusts every writer, and Almanac publishes every file as it is.
//
// # What is refused
//
// Check refuses, with a problem naming the file as content/…/name, three
// kinds of file. First, by name, whatever the file holds (the problem is
// at line 1, column 1), a file any extension of whose name is refused:
// Apache gives bao-cao.html.vi the type of .html, IIS drops a trailing
// dot or space, and old IIS read "a.asp;.jpg" as a.asp, so every
// dot-separated part of the name counts, up to its first character that
// is not a letter or digit. The extensions refused are:
//
//   - web pages, .html .htm .shtml .shtm .stm .xhtml .xht .mht .mhtml,
//     which hosts serve as text/html or application/xhtml+xml;
//   - XML documents, .xml .xsl .xslt, served as text/xml: a browser
//     shows them as documents whose XHTML elements, scripts included, run;
//   - compressed SVG, .svgz, which hosts serve as an SVG picture with
//     Content-Encoding gzip: Almanac does not unpack it to check it;
//   - server programs, .php .php3 … .php8 .phtml .pht .phar .asp .aspx
//     .ashx .asmx .asa .jsp .jspx .cfm .cfml .cgi, which a server set up
//     to run them runs.
//
// A file named web.config is refused too: IIS reads its settings in any
// folder, and they can make the folder's files run.
//
// Second, by content, every other file but SVG pictures whose first
// character that is not white space is "<" (in UTF-8, or in UTF-16 after
// a byte-order mark or big-endian without one, which XML parsers detect
// by its first bytes), at that character: it is markup. A server that has
// no type for a name sends the file without a Content-Type (Apache 2.4
// does, for an extension it does not know, or none), and browsers then
// sniff its first bytes: one starting with <html>, <script> or <!-- opens
// as a web page. A file the host serves as XML of any kind (KML, GPX,
// RSS: application/…+xml) is a document too, and an XML document cannot
// start otherwise. So a renamed page, an HTML note named ghi-chu.md or a
// KML map is refused; pictures, sound, PDF, CSV, JSON, archives and plain
// text start otherwise and pass.
//
// Third, SVG pictures (a name with the extension .svg) whose XML holds
// anything that can run a script, show another document or load a file
// from outside the picture, at each such element or attribute (below).
//
// Nothing else is refused. JavaScript and CSS files beside an article run
// only when a page loads them, and without allow_html no writer can make
// a page load one.
//
// # SVG pictures are checked, not cleaned
//
// A picture that passes is published byte for byte as its writer saved
// it; one that does not is refused, naming the line and column of each
// element or attribute that must go (the first maxProblems of them).
// Cleaning instead would need an SVG sanitiser that keeps SVG whole, and
// Go has no maintained one: bluemonday reads through golang.org/x/net/html,
// which lowercases attribute names (viewBox becomes viewbox, and the
// picture loses its scale), and the module proxy does not serve
// github.com/hamochi/safesvg, a validator. Pictures made by drawing
// programs hold none of the refused parts, and a writer removes the few
// that a hand or an attacker put there; a rewritten picture, by contrast,
// could differ from what its writer saw.
//
// The picture is read with encoding/xml's token stream, as a browser's
// XML parser reads it, never by matching patterns in its text: character
// references, CDATA sections and namespace prefixes are resolved before
// the rules see names and values, entities of the document's own are
// refused (so nothing expands after the check), and a file that is not
// well-formed XML is refused, so nothing hides where the two parsers
// might read differently. Element and attribute names are compared
// without regard to case or namespace. Refused:
//
//   - elements that run scripts: script, handler, listener;
//   - elements that show another document: foreignObject, iframe, embed,
//     object, frame, frameset, applet, portal, fencedframe;
//   - any element in the XHTML or MathML namespace: an SVG document shows
//     them, with their scripts, forms and links;
//   - event handlers: every attribute whose name starts with "on";
//   - every attribute named href (href, xlink:href) unless it refers into
//     the picture ("#…") or is a raster picture in a data: address
//     (data:image/png, jpeg, gif, webp or avif): javascript: addresses,
//     other files, other sites and data: documents are refused;
//   - xml:base, which changes where references lead;
//   - every attribute value holding a javascript: or vbscript: address,
//     once the white space and control characters that URL parsers drop
//     are removed (animation values, for one);
//   - animations (animate, set, animateMotion, animateTransform,
//     animateColor) whose attributeName is href or an event handler;
//   - CSS that loads a file, in style elements, style attributes and every
//     other attribute value (fill="url(…)"): url() and src() of anything
//     but "#…", @import, and image(), image-set() and cross-fade() given
//     a string; and CSS that old browsers ran as script: expression(),
//     -moz-binding, behavior. CSS escapes (\75 rl) are decoded first;
//   - declarations other than a plain DOCTYPE: an internal subset ([…]),
//     whose entities a browser expands into markup, and any other <!…>;
//   - the xml-stylesheet processing instruction, which applies another
//     file to the picture: CSS, or an XSLT program, which can make a page
//     with scripts;
//   - encodings but UTF-8, US-ASCII, ISO-8859-1 and windows-1252, whose
//     markup bytes are ASCII's, so that encoding/xml and the browser see
//     the same tags: a UTF-16 picture is refused (save it as UTF-8).
//
// The tests of internal/browser open refused files in Chromium, served as
// a host serves them, and see their scripts run: web pages, SVG scripts,
// event handlers, XHTML inside SVG, javascript: links (clicked), XSLT,
// gzip-encoded SVG, XML, and markup sent without a Content-Type.
//
// Check reads the file when the build reads its page, and the build
// copies it later: a file changed in between is checked by the next
// build. A file that cannot be read gives no problem: it cannot be
// published either, and the build's copy says why.
package bundlefile

import (
	"bufio"
	"errors"
	"io"
	"io/fs"
	"path"
	"strings"
	"unicode/utf16"

	"github.com/almanac-news/almanac/internal/diag"
)

// Hints shared by the problems.
const (
	hintRemove = "remove the file, or set allow_html = true in almanac.toml if you trust every writer"
	hintSVG    = "remove it from the picture (an SVG is text: any text editor will do) and save the file again, or set allow_html = true in almanac.toml if you trust every writer"
)

// kind is why a name is refused.
type kind int

const (
	webPage kind = iota + 1
	xmlDocument
	compressedSVG
	serverProgram
	serverSettings
)

// refusedExtensions are the extensions refused whatever the file holds.
var refusedExtensions = map[string]kind{
	"html": webPage, "htm": webPage, "shtml": webPage, "shtm": webPage, "stm": webPage,
	"xhtml": webPage, "xht": webPage, "mht": webPage, "mhtml": webPage,
	"xml": xmlDocument, "xsl": xmlDocument, "xslt": xmlDocument,
	"svgz": compressedSVG,
	"php":  serverProgram, "php3": serverProgram, "php4": serverProgram, "php5": serverProgram,
	"php6": serverProgram, "php7": serverProgram, "php8": serverProgram, "phtml": serverProgram,
	"pht": serverProgram, "phar": serverProgram, "asp": serverProgram, "aspx": serverProgram,
	"ashx": serverProgram, "asmx": serverProgram, "asa": serverProgram, "jsp": serverProgram,
	"jspx": serverProgram, "cfm": serverProgram, "cfml": serverProgram, "cgi": serverProgram,
}

// Check reports why the bundle file name, a slash path in fsys that is
// also the path its problems give (content/…/evil.svg), may not be
// published on a site that does not trust its writers; nil when it may
// be published as it is.
func Check(fsys fs.FS, name string) []*diag.Problem {
	base := path.Base(name)
	if p := nameProblem(name, base); p != nil {
		return []*diag.Problem{p}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil // not published either: the copy says why
	}
	defer f.Close()
	if isSVG(base) {
		data, err := io.ReadAll(f)
		if err != nil {
			return nil
		}
		return checkSVG(name, data)
	}
	if p := markupProblem(name, bufio.NewReader(f)); p != nil {
		return []*diag.Problem{p}
	}
	return nil
}

// extensions are the dot-separated parts of a file name after the first,
// lowercased and cut at their first character that is not an ASCII
// letter or digit: "a.HTML.vi" gives html and vi, "a.asp;.jpg" asp and jpg.
func extensions(base string) []string {
	parts := strings.Split(strings.ToLower(base), ".")[1:]
	for i, p := range parts {
		end := strings.IndexFunc(p, func(r rune) bool { return (r < 'a' || r > 'z') && (r < '0' || r > '9') })
		if end >= 0 {
			parts[i] = p[:end]
		}
	}
	return parts
}

func isSVG(base string) bool {
	for _, ext := range extensions(base) {
		if ext == "svg" {
			return true
		}
	}
	return false
}

// nameProblem is the problem of a file refused by its name, or nil.
func nameProblem(name, base string) *diag.Problem {
	pos := diag.Pos{File: name, Line: 1, Col: 1}
	if strings.EqualFold(strings.TrimRight(base, ". "), "web.config") {
		return diag.Errorf(pos, "web.config is a web server's settings file: IIS would read it and could make the folder's files run as programs").
			WithHint(hintRemove)
	}
	for _, ext := range extensions(base) {
		switch refusedExtensions[ext] {
		case webPage:
			return diag.Errorf(pos, "a web page (.%s) cannot be published beside an article: a browser would run its scripts as the site's own", ext).
				WithHint(hintRemove)
		case xmlDocument:
			return diag.Errorf(pos, "an XML document (.%s) cannot be published beside an article: a browser shows it as a page whose scripts run as the site's own", ext).
				WithHint("remove the file, or offer it inside a .zip archive; set allow_html = true in almanac.toml only if you trust every writer")
		case compressedSVG:
			return diag.Errorf(pos, "a compressed SVG picture (.%s) cannot be checked for scripts, so it cannot be published beside an article", ext).
				WithHint("save the picture uncompressed, as .svg, so that Almanac can check it, or set allow_html = true in almanac.toml if you trust every writer")
		case serverProgram:
			return diag.Errorf(pos, "a server program (.%s) cannot be published beside an article: a web server set up for such files would run it", ext).
				WithHint(hintRemove)
		}
	}
	return nil
}

// markupProblem is the problem of a file whose first character that is
// not white space is "<", read from r: in UTF-8, or in UTF-16 after its
// byte-order mark or big-endian without one. It reads no further than
// that character.
func markupProblem(name string, r *bufio.Reader) *diag.Problem {
	head, err := r.Peek(3)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil
	}
	var line, col int
	var found bool
	switch {
	case len(head) >= 2 && (head[0] == 0xfe && head[1] == 0xff || head[0] == 0xff && head[1] == 0xfe):
		r.Discard(2)
		line, col, found = firstUTF16(r, head[0] == 0xfe)
	case len(head) >= 2 && head[0] == 0: // big-endian UTF-16 without a mark, as XML parsers detect it
		line, col, found = firstUTF16(r, true)
	default:
		if len(head) == 3 && string(head) == "\xef\xbb\xbf" {
			r.Discard(3)
		}
		line, col, found = firstByte(r)
	}
	if !found {
		return nil
	}
	pos := diag.Pos{File: name, Line: line, Col: col}
	return diag.Errorf(pos, "this file starts with markup (<): a server that has no type for its name sends it without one, and a browser then opens it as a web page and runs its scripts as the site's own").
		WithHint("remove the file, or offer it inside a .zip archive; set allow_html = true in almanac.toml only if you trust every writer")
}

// isSpace reports the white space an HTML sniffer or an XML parser skips
// before the first tag.
func isSpace(c rune) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// firstByte skips white space and reports where the first "<" is, when
// the first other character is one.
func firstByte(r *bufio.Reader) (line, col int, found bool) {
	line, col = 1, 1
	for {
		c, err := r.ReadByte()
		if err != nil {
			return 0, 0, false
		}
		if c == '<' {
			return line, col, true
		}
		if !isSpace(rune(c)) {
			return 0, 0, false
		}
		line, col = advance(line, col, rune(c))
	}
}

// firstUTF16 is firstByte for UTF-16 text in big or little endian.
func firstUTF16(r *bufio.Reader, big bool) (line, col int, found bool) {
	line, col = 1, 1
	var unit [2]byte
	for {
		if _, err := io.ReadFull(r, unit[:]); err != nil {
			return 0, 0, false
		}
		c := rune(unit[1])<<8 | rune(unit[0])
		if big {
			c = rune(unit[0])<<8 | rune(unit[1])
		}
		if utf16.IsSurrogate(c) || !isSpace(c) {
			return line, col, c == '<'
		}
		line, col = advance(line, col, c)
	}
}

// advance moves a position past the white space c.
func advance(line, col int, c rune) (int, int) {
	if c == '\n' {
		return line + 1, 1
	}
	return line, col + 1
}
