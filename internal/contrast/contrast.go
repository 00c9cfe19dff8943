// Package contrast computes the WCAG 2 contrast ratio of two colours, by
// which the theme's tests hold every text colour (chart palettes, code
// highlighting) to at least 4.5:1 on its background.
//
// The ratio is (L1 + 0.05) / (L2 + 0.05), L1 the lighter colour's
// relative luminance, as WCAG 2.2 defines it, with the sRGB threshold
// 0.04045 of IEC 61966-2-1 (WCAG 2.0's 0.03928 differs from it only for
// channel values no 8-bit colour has).
package contrast

import (
	"math"
	"strconv"
)

// Ratio is the contrast ratio of the colours a and b, each written
// "#rrggbb"; from 1 (the same) to 21 (black on white). A colour written
// otherwise reads as black.
func Ratio(a, b string) float64 {
	la, lb := Luminance(a), Luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// Luminance is the relative luminance of "#rrggbb", from 0 to 1.
func Luminance(hex string) float64 {
	if len(hex) != 7 || hex[0] != '#' {
		return 0
	}
	var l float64
	for i, weight := range []float64{0.2126, 0.7152, 0.0722} {
		v, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		if err != nil {
			return 0
		}
		c := float64(v) / 255
		if c <= 0.04045 {
			c /= 12.92
		} else {
			c = math.Pow((c+0.055)/1.055, 2.4)
		}
		l += weight * c
	}
	return l
}
