package imageset

import (
	"bytes"
	"encoding/binary"
	"image"
	"slices"
)

// jpegMeta is what a JPEG's header says besides its pixels.
type jpegMeta struct {
	orientation int      // EXIF orientation, 1 (upright) to 8
	icc         [][]byte // ICC profile segments, marker and length included
}

// profile returns the colour profile segments to copy into a copy of src:
// none when the original is CMYK, whose profile does not suit the RGB copies.
func (m jpegMeta) profile(src image.Image) [][]byte {
	if _, cmyk := src.(*image.CMYK); cmyk {
		return nil
	}
	return m.icc
}

// readJPEGMeta walks the segments before the image data.
func readJPEGMeta(data []byte) jpegMeta {
	meta := jpegMeta{orientation: 1}
	for seg := range jpegSegments(data) {
		payload := seg[4:]
		switch {
		case seg[1] == 0xE1 && bytes.HasPrefix(payload, []byte("Exif\x00\x00")):
			meta.orientation = exifOrientation(payload[6:])
		case seg[1] == 0xE2 && bytes.HasPrefix(payload, []byte("ICC_PROFILE\x00")):
			meta.icc = append(meta.icc, seg)
		}
	}
	return meta
}

// jpegSegments yields the segments (marker, length and payload) of a JPEG
// up to its image data.
func jpegSegments(data []byte) func(yield func([]byte) bool) {
	return func(yield func([]byte) bool) {
		if !bytes.HasPrefix(data, []byte{0xFF, 0xD8}) {
			return
		}
		for i := 2; i+4 <= len(data) && data[i] == 0xFF; {
			marker := data[i+1]
			if marker == 0xDA || marker == 0xD9 { // start of scan, end of image
				return
			}
			n := int(binary.BigEndian.Uint16(data[i+2:]))
			if n < 2 || i+2+n > len(data) {
				return
			}
			if !yield(data[i : i+2+n]) {
				return
			}
			i += 2 + n
		}
	}
}

// exifOrientation reads tag 0x0112 of the first image directory of a TIFF
// structure; 1 when it is missing or invalid.
func exifOrientation(tiff []byte) int {
	if len(tiff) < 8 {
		return 1
	}
	var order binary.ByteOrder
	switch string(tiff[:2]) {
	case "II":
		order = binary.LittleEndian
	case "MM":
		order = binary.BigEndian
	default:
		return 1
	}
	ifd := int(order.Uint32(tiff[4:]))
	if ifd < 8 || ifd+2 > len(tiff) {
		return 1
	}
	count := int(order.Uint16(tiff[ifd:]))
	for k := range count {
		e := ifd + 2 + 12*k
		if e+12 > len(tiff) {
			return 1
		}
		if order.Uint16(tiff[e:]) == 0x0112 && order.Uint16(tiff[e+2:]) == 3 {
			if o := int(order.Uint16(tiff[e+8:])); o >= 1 && o <= 8 {
				return o
			}
			return 1
		}
	}
	return 1
}

// withSegments inserts segments right after a JPEG's start-of-image marker.
func withSegments(jpg []byte, segments [][]byte) []byte {
	if len(segments) == 0 {
		return jpg
	}
	parts := make([][]byte, 0, len(segments)+2)
	parts = append(parts, jpg[:2])
	parts = append(parts, segments...)
	return slices.Concat(append(parts, jpg[2:])...)
}
