package watch

import "testing"

func TestIgnoredName(t *testing.T) {
	tests := []struct {
		name    string
		ignored bool
	}{
		{"post.md", false},
		{"bao-cao-2024.md", false},
		{"chart.csv", false},
		{"almanac.toml", false},
		{"#hashtag.md", false},
		{"#", false},
		{"swp", false},
		{"49130", false},
		{".post.md.swp", true},
		{".post.md.swx", true},
		{"post.md.swp", true},
		{"post.md.swo", true},
		{"post.md.swx", true},
		{"post.md~", true},
		{"4913", true},
		{".#post.md", true},
		{"#post.md#", true},
		{".DS_Store", true},
		{".git", true},
		{".goutputstream-X1", true},
		{"post.md___jb_tmp___", true},
		{"post.md___jb_old___", true},
		{"", true},
	}
	for _, tt := range tests {
		if got := ignoredName(tt.name); got != tt.ignored {
			t.Errorf("ignoredName(%q) = %v, want %v", tt.name, got, tt.ignored)
		}
	}
}
