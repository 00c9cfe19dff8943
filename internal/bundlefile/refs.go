package bundlefile

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// latin are the encoding labels of pictures read after decoding them as
// windows-1252, which is what browsers read for each of them: their
// markup bytes are ASCII's.
var latin = set("us-ascii", "ascii", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "windows-1252", "cp1252")

// utf8Text is the picture data as UTF-8 for the decoder: without a UTF-8
// byte-order mark, and decoded from windows-1252 when its XML declaration
// names one of the latin encodings. It returns nil and the encoding's
// name for any other encoding.
func utf8Text(data []byte) ([]byte, string) {
	if bytes.HasPrefix(data, []byte{0xfe, 0xff}) || bytes.HasPrefix(data, []byte{0xff, 0xfe}) {
		return nil, "UTF-16"
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	label := declaredEncoding(data)
	switch l := strings.ToLower(label); {
	case label == "" || l == "utf-8" || l == "utf8":
		return data, ""
	case latin[l]:
		text, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return nil, label
		}
		return text, ""
	}
	return nil, label
}

// errLabel stops the decoder once the encoding is known.
var errLabel = errors.New("encoding found")

// declaredEncoding is the encoding the XML declaration of data names, as
// encoding/xml reads it; "" for none or UTF-8.
func declaredEncoding(data []byte) string {
	if !bytes.HasPrefix(data, []byte("<?xml")) {
		return "" // a declaration later on is an error: checkSVG reports it
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	label := ""
	d.CharsetReader = func(l string, _ io.Reader) (io.Reader, error) {
		label = l
		return nil, errLabel
	}
	_, _ = d.Token() // the declaration; its error is errLabel when it names an encoding
	return label
}

// urlText is an address as a URL parser reads it: without the spaces and
// control characters around it, and without tabs and newlines within.
func urlText(v string) string {
	v = strings.TrimFunc(v, func(r rune) bool { return r <= ' ' })
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, v)
}

// hasScriptAddress reports whether v holds a javascript: or vbscript:
// address anywhere, once every space and control character is gone.
func hasScriptAddress(v string) bool {
	v = asciiLower(strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return r
	}, v))
	return strings.Contains(v, "javascript:") || strings.Contains(v, "vbscript:")
}

// rasterTypes are the picture types a data: address of an href may hold.
var rasterTypes = []string{"png", "jpeg", "jpg", "gif", "webp", "avif"}

// localReference reports whether an href refers into the picture itself
// ("#…") or is a raster picture written in a data: address.
func localReference(v string) bool {
	u := urlText(v)
	if strings.HasPrefix(u, "#") {
		return true
	}
	l := asciiLower(u)
	rest, ok := strings.CutPrefix(l, "data:image/")
	if !ok {
		return false
	}
	for _, t := range rasterTypes {
		if after, ok := strings.CutPrefix(rest, t); ok && (strings.HasPrefix(after, ";") || strings.HasPrefix(after, ",")) {
			return true
		}
	}
	return false
}

// loaders are the CSS functions that load a file: url() and src() of
// anything but "#…", and the others when they are given a string.
var loaders = map[string]bool{"url": true, "src": true, "image": false, "image-set": false,
	"-webkit-image-set": false, "cross-fade": false, "-webkit-cross-fade": false}

// cssRisk returns the first thing in the CSS text css that loads a file
// from outside the picture, or that old browsers ran as script (then
// script is true); "" when there is none. CSS escapes are decoded first,
// and every function is looked at, in strings and comments too: it may
// refuse more than a browser would load, never less.
func cssRisk(css string) (found string, script bool) {
	s := asciiLower(unescapeCSS(css))
	if strings.Contains(s, "@import") {
		return "@import", false
	}
	for _, p := range []string{"-moz-binding", "behavior"} {
		if i := strings.Index(s, p); i >= 0 && strings.HasPrefix(strings.TrimLeft(s[i+len(p):], " \t\n\r\f"), ":") {
			return p, true
		}
	}
	for i := strings.IndexByte(s, '('); i >= 0; i = nextParen(s, i) {
		name := s[identStart(s, i):i]
		args := strings.TrimLeft(s[i+1:], " \t\n\r\f")
		fragment := strings.HasPrefix(strings.TrimLeft(args, `"'`), "#")
		str := strings.ContainsAny(args[:closeParen(args)], `"'`)
		anything, known := loaders[name]
		switch {
		case name == "expression":
			return snippet(s, i, name), true
		case known && anything && !fragment, known && !anything && str:
			return snippet(s, i, name), false
		}
	}
	return "", false
}

func nextParen(s string, i int) int {
	j := strings.IndexByte(s[i+1:], '(')
	if j < 0 {
		return -1
	}
	return i + 1 + j
}

// identStart is where the CSS name ending at s[i] starts.
func identStart(s string, i int) int {
	for i > 0 {
		c := s[i-1]
		if c != '-' && c != '_' && (c < 'a' || c > 'z') && (c < '0' || c > '9') && c < utf8.RuneSelf {
			break
		}
		i--
	}
	return i
}

// closeParen is where the arguments args end: at the ")" that closes
// them, or their end.
func closeParen(args string) int {
	depth := 0
	for j := 0; j < len(args); j++ {
		switch args[j] {
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return j
			}
			depth--
		}
	}
	return len(args)
}

// snippet is the function named at s[i], cut for a message.
func snippet(s string, i int, name string) string {
	end := i + 1 + closeParen(s[i+1:])
	return shorten(name + s[i:min(end+1, len(s))])
}

// unescapeCSS decodes CSS escapes: a backslash and up to six hexadecimal
// digits (and one white space after them) is that character, a backslash
// and a newline is nothing, a backslash and any other character is that
// character.
func unescapeCSS(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] != '\\' {
			b.WriteByte(s[i])
			i++
			continue
		}
		i++
		j := i
		for j < len(s) && j-i < 6 && isHex(s[j]) {
			j++
		}
		switch {
		case j > i:
			b.WriteRune(escapedRune(s[i:j]))
			if j < len(s) && isSpace(rune(s[j])) {
				j++
			}
			i = j
		case i < len(s) && s[i] == '\n':
			i++
		}
	}
	return b.String()
}

func escapedRune(hex string) rune {
	v, _ := strconv.ParseUint(hex, 16, 32)
	r := rune(v)
	if r == 0 || r > unicode.MaxRune || r >= 0xd800 && r <= 0xdfff {
		return utf8.RuneError
	}
	return r
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// asciiLower lowercases ASCII letters only, keeping every byte offset.
func asciiLower(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}
