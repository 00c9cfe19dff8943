package messages

import "strconv"

// nouns are the things Almanac counts, in Vietnamese, which has no
// plural: "3 trang" as "1 trang".
var nouns = map[string]string{
	"page":    "trang",
	"section": "chuyên mục",
	"file":    "tệp",
	"link":    "liên kết",
	"error":   "lỗi",
	"warning": "cảnh báo",
	"problem": "vấn đề",
}

// Count writes n and the noun in l: "1 error", "3 errors", "3 lỗi". The
// noun is an English singular that takes a plural -s, one of the nouns
// the catalog knows.
func Count(l Language, n int, noun string) string {
	if l == Vietnamese {
		if vi, ok := nouns[noun]; ok {
			return strconv.Itoa(n) + " " + vi
		}
	}
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// Noun is the noun in l, as Count writes it after a number other than 1.
func Noun(l Language, noun string) string {
	if vi, ok := nouns[noun]; ok && l == Vietnamese {
		return vi
	}
	return noun + "s"
}
