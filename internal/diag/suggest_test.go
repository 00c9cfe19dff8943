package diag

import "testing"

func TestClosest(t *testing.T) {
	for _, tc := range []struct {
		word       string
		candidates []string
		want       string
	}{
		{"vaule", []string{"value", "unit"}, "value"},
		{"export", []string{"exports", "imports"}, "exports"},
		{"biuld", []string{"build", "check"}, "build"}, // a swap is one edit
		{"titel", []string{"title", "tags"}, "title"},  // so is this one
		{"ab", []string{"abc"}, ""},                    // one edit in two letters is too many
		{"languag", []string{"language", "lang"}, "language"},
		{"zzzzzz", []string{"value"}, ""},
	} {
		if got := Closest(tc.word, tc.candidates); got != tc.want {
			t.Errorf("Closest(%q, %q) = %q, want %q", tc.word, tc.candidates, got, tc.want)
		}
	}
	if d := Distance("biuld", "build"); d != 1 {
		t.Errorf("Distance(biuld, build) = %d, want 1", d)
	}
	if d := Distance("", "abc"); d != 3 {
		t.Errorf("Distance of the empty word = %d, want 3", d)
	}
}
