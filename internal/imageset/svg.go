package imageset

import (
	"bytes"
	"encoding/xml"
	"math"
	"strconv"
	"strings"
)

// maxSVGSide is the largest side, in pixels, svgSize believes.
const maxSVGSide = 100_000

// svgSize reads the size of an SVG picture from the root element's width
// and height, when they are plain numbers or pixels, and else from its
// viewBox, scaled to a width or height given alone. It returns zeros when
// the document says neither. encoding/xml expands no entities of the
// document's own, so a hostile file cannot make it work long.
func svgSize(data []byte) (int, int) {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err != nil {
			return 0, 0
		}
		root, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root.Name.Local != "svg" {
			return 0, 0
		}
		return svgRootSize(root.Attr)
	}
}

func svgRootSize(attrs []xml.Attr) (int, int) {
	var width, height, viewBox string
	for _, a := range attrs {
		switch a.Name.Local {
		case "width":
			width = a.Value
		case "height":
			height = a.Value
		case "viewBox":
			viewBox = a.Value
		}
	}
	w, h := svgLength(width), svgLength(height)
	vw, vh := svgViewBox(viewBox)
	switch {
	case w > 0 && h > 0:
	case w > 0 && vw > 0:
		h = w * vh / vw
	case h > 0 && vh > 0:
		w = h * vw / vh
	default:
		w, h = vw, vh
	}
	return pixels(w), pixels(h)
}

// svgLength reads "300" or "300px"; zero for any other unit or percentage.
func svgLength(s string) float64 {
	v, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(s), "px"), 64)
	if err != nil || !(v > 0) || v > maxSVGSide {
		return 0
	}
	return v
}

// svgViewBox reads the width and height of "min-x min-y width height".
func svgViewBox(s string) (float64, float64) {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' })
	if len(f) != 4 {
		return 0, 0
	}
	w, h := svgLength(f[2]), svgLength(f[3])
	if w == 0 || h == 0 {
		return 0, 0
	}
	return w, h
}

func pixels(v float64) int {
	if !(v >= 0.5) || v > maxSVGSide {
		return 0
	}
	return int(math.Round(v))
}
