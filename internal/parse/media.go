package parse

import (
	"net/url"
	"path"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/almanac-news/almanac/internal/site"
	"github.com/almanac-news/almanac/internal/yamlfield"
)

// decodeImage reads the image mapping: src, alt, caption and credit.
func (f *fields) decodeImage(n *yaml.Node, bundle map[string]bool) {
	if n == nil {
		return
	}
	if n.Kind == yaml.ScalarNode {
		f.Errorf(n, "image must give src and alt, not only %s", yamlfield.KindName(n)).
			WithHint("write image: {src: anh.jpg, alt: \"what the picture shows\", caption: \"…\"}")
		return
	}
	if n.Kind != yaml.MappingNode {
		f.Errorf(n, "image must be a set of keys (src, alt, caption, credit), not %s", yamlfield.KindName(n))
		return
	}
	img, srcNode, hasAlt := f.imageKeys(n)
	if srcNode == nil {
		f.Errorf(n, "image has no src").WithHint("name the picture file: src: anh.jpg")
		return
	}
	if !hasAlt {
		f.Errorf(n, "image has no alt text").
			WithHint(`describe the picture for readers who cannot see it: alt: "…" (alt: "" only for decoration)`)
	}
	img.Src = f.mediaURL("image src", srcNode, bundle)
	if img.Src != "" {
		f.page.Image = img
	}
}

// imageKeys reads the keys of an image mapping but src, which it returns
// as a node for mediaURL to resolve.
func (f *fields) imageKeys(n *yaml.Node) (img *site.Image, src *yaml.Node, hasAlt bool) {
	img = &site.Image{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "src":
			src = v
		case "alt":
			hasAlt = true
			if v.Tag != "!!null" {
				img.Alt = f.Text("image alt", v)
			}
		case "caption":
			img.Caption = f.Text("image caption", v)
		case "credit":
			img.Credit = f.Text("image credit", v)
		case "width":
			img.Width = f.Integer("image width", v)
		case "height":
			img.Height = f.Integer("image height", v)
		default:
			f.Errorf(k, "image has no key %q", k.Value).WithHint("use src, alt, caption, credit, width and height")
		}
	}
	return img, src, hasAlt
}

func (f *fields) decodeAudio(n *yaml.Node, bundle map[string]bool) {
	if n == nil {
		return
	}
	if n.Kind == yaml.ScalarNode && !audioTypes[strings.ToLower(path.Ext(n.Value))] {
		f.Errorf(n, "audio %q is not a sound file browsers play", n.Value).
			WithHint("use an .mp3, .m4a, .ogg, .oga, .opus or .wav file")
		return
	}
	f.page.Audio = f.mediaURL("audio", n, bundle)
}

var audioTypes = map[string]bool{".mp3": true, ".m4a": true, ".ogg": true, ".oga": true, ".opus": true, ".wav": true}

// mediaURL resolves a media reference: a file of the page bundle, a
// site-relative path, or an http(s) URL.
func (f *fields) mediaURL(name string, n *yaml.Node, bundle map[string]bool) string {
	ref := f.Text(name, n)
	if ref == "" {
		return ""
	}
	if u, err := url.Parse(ref); err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" {
		return ref
	}
	if strings.Contains(ref, ":") || strings.Contains(ref, `\`) {
		f.Errorf(n, "%s %q is neither a file of the page nor an http(s) address", name, ref)
		return ""
	}
	if strings.HasPrefix(ref, "/") {
		clean := path.Clean(ref)
		if clean != ref || strings.Contains(ref, "..") {
			f.Errorf(n, "%s %q leaves the site's folders", name, ref).WithHint("write a path without .. such as /images/anh.jpg")
			return ""
		}
		return ref
	}
	clean := path.Clean(ref)
	if clean == "." || clean == ".." || strings.HasPrefix(clean, "../") {
		f.Errorf(n, "%s %q points outside the page's folder", name, ref).
			WithHint("put the file beside index.md and name it alone, e.g. %s: %s", name, path.Base(ref))
		return ""
	}
	if bundle == nil {
		f.Errorf(n, "%s %q must sit in a page bundle", name, ref).
			WithHint("move the article to a folder of its own as index.md and put %s beside it", path.Base(ref))
		return ""
	}
	if !bundle[clean] {
		f.Errorf(n, "%s file %q is not in the page's folder", name, ref).
			WithHint("copy it beside index.md or fix the name (names are case-sensitive)")
		return ""
	}
	return f.page.URL + clean
}
