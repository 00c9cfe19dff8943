package markdown

import (
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	words := func(n int) string { return strings.Repeat("chữ ", n) }
	tests := []struct {
		body string
		want int
	}{
		{"", 0},
		{"<p>" + words(200) + "</p>", 200},
		{"<p>" + words(150) + "</p><ul><li>" + words(51) + "</li></ul>", 201},
		{"<p>" + words(10) + "</p><script type=\"application/json\">" + words(900) + "</script><svg><text>" + words(900) + "</text></svg>", 10},
		{"<p>" + words(3) + "<STYLE>" + words(9) + "</style><br/><template>" + words(9) + "</TEMPLATE></p>", 3},
		{"<p>a – b &amp; <em>c</em></p>" + words(397), 400},
		{"<p>a – b &amp; <em>c</em>d</p>" + words(397), 401}, // "c" and "d" count as two
		{"<p>Năm 2020 – giá trị: 68.800 tỷ đồng.</p>", 7},    // the dash is no word
		{"<p>" + words(4) + "<script>" + words(9), 4},        // an element never closed hides the rest
	}
	for _, tt := range tests {
		if got := Words(tt.body); got != tt.want {
			t.Errorf("Words(%.40q…) = %d, want %d", tt.body, got, tt.want)
		}
	}
}
