package build

import (
	"testing"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/messages"
)

// TestLinkKindsInVietnamese checks that the kind of URL a link problem
// names (what) is said in the problem's language, not spliced in English
// into a Vietnamese sentence.
func TestLinkKindsInVietnamese(t *testing.T) {
	for _, tc := range []struct {
		tag, en, vi string
	}{
		{"img", "picture x.png is not a file of the site", "ảnh x.png không phải tệp của trang"},
		{"video", "media file x.png is not a file of the site", "tệp âm thanh hoặc video x.png không phải tệp của trang"},
		{"a", "link to x.png is not a file of the site", "liên kết tới x.png không phải tệp của trang"},
	} {
		p := diag.Errorf(diag.Pos{File: "a.md"}, "%s %s is not a file of the site", what(bodyLink{tag: tc.tag}), "x.png")
		if got := p.MessageIn(messages.English); got != tc.en {
			t.Errorf("<%s> in English: %q, want %q", tc.tag, got, tc.en)
		}
		if got := p.MessageIn(messages.Vietnamese); got != tc.vi {
			t.Errorf("<%s> in Vietnamese: %q, want %q", tc.tag, got, tc.vi)
		}
	}
}
