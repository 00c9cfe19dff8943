package build

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// setFrontMatter sets key to value in the YAML front matter of a content
// file, adding the key when it is missing; an empty value removes it.
func setFrontMatter(s, key, value string) string {
	body, ok := strings.CutPrefix(s, "---\n")
	if !ok {
		return s
	}
	lines := strings.Split(body, "\n")
	for i, line := range lines {
		if line == "---" {
			break
		}
		if strings.HasPrefix(line, key+":") {
			if value == "" {
				return "---\n" + strings.Join(slices.Delete(lines, i, i+1), "\n")
			}
			lines[i] = key + ": " + value
			return "---\n" + strings.Join(lines, "\n")
		}
	}
	if value == "" {
		return s
	}
	return "---\n" + key + ": " + value + "\n" + body
}

// listEdits change what the generated lists show: tags, authors, and
// dates across months and years.
var listEdits = []edit{
	func(t *testing.T, dir string, r *rand.Rand, n int) []string { // retag an article
		name := pick(t, dir, r, "content/*/*.md")
		tags := [][]string{{"Công nghiệp"}, {"Thương mại", "Công nghiệp"}, {"công nghiệp"}, {fmt.Sprintf("Chủ đề %d", n%3)}, nil}[r.IntN(5)]
		rewrite(t, dir, name, func(s string) string {
			if strings.HasSuffix(name, "_index.md") {
				return s
			}
			if tags == nil {
				return setFrontMatter(s, "tags", "")
			}
			return setFrontMatter(s, "tags", "["+strings.Join(tags, ", ")+"]")
		})
		return []string{name}
	},
	func(t *testing.T, dir string, r *rand.Rand, n int) []string { // change the authors
		name := pick(t, dir, r, "content/*/*.md")
		authors := []string{"Khắc Duẩn", "[Khắc Duẩn, Ban biên tập]", "Khac Duan", fmt.Sprintf("Phóng viên %d", n%2), ""}[r.IntN(5)]
		rewrite(t, dir, name, func(s string) string {
			if strings.HasSuffix(name, "_index.md") {
				return s
			}
			return setFrontMatter(s, "author", authors)
		})
		return []string{name}
	},
	func(t *testing.T, dir string, r *rand.Rand, n int) []string { // move an article to another month or year
		name := pick(t, dir, r, "content/*/*.md")
		date := []string{"2019-11-30", "2020-11-15 10:00", "2020-12-31T23:30:00+07:00", "2020-12-31T17:30:00Z"}[r.IntN(4)]
		rewrite(t, dir, name, func(s string) string {
			if strings.HasSuffix(name, "_index.md") {
				return s
			}
			return setFrontMatter(s, "date", date)
		})
		return []string{name}
	},
}

func TestSetFrontMatter(t *testing.T) {
	tests := []struct{ in, key, value, want string }{
		{"---\ntitle: A\ntags: [x]\n---\nBody\n", "tags", "[y]", "---\ntitle: A\ntags: [y]\n---\nBody\n"},
		{"---\ntitle: A\n---\ntags: body\n", "tags", "[y]", "---\ntags: [y]\ntitle: A\n---\ntags: body\n"},
		{"---\ntitle: A\ntags: [x]\n---\n", "tags", "", "---\ntitle: A\n---\n"},
	}
	for _, tt := range tests {
		if got := setFrontMatter(tt.in, tt.key, tt.value); got != tt.want {
			t.Errorf("setFrontMatter(%q, %s, %q) = %q, want %q", tt.in, tt.key, tt.value, got, tt.want)
		}
	}
}

// TestIncrementalListsEqualFullBuilds is TestIncrementalBuildsEqualFullBuilds
// with the edits that move articles between the lists of tags, authors and
// months added to the mix.
func TestIncrementalListsEqualFullBuilds(t *testing.T) {
	all := append(slices.Clip(edits), listEdits...)
	for seed := range uint64(6) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			dir := extract(t, "basic.txtar")
			s := newTestSession(dir)
			tree, _, _, err := s.Build(context.Background(), nil, true)
			must(t, err)
			r := rand.New(rand.NewPCG(seed, 2027))
			for n := range 15 {
				i := r.IntN(len(all))
				if r.IntN(2) == 0 { // every other step edits a list
					i = len(edits) + r.IntN(len(listEdits))
				}
				changed := slices.DeleteFunc(all[i](t, dir, r, n), func(s string) bool { return s == "" })
				tree, _, _, err = s.Build(context.Background(), changed, false)
				must(t, err)
				compareWithFullBuild(t, dir, tree, fmt.Sprintf("step %d (edit %d on %v)", n, i, changed))
			}
		})
	}
}
