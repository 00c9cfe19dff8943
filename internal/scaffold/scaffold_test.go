package scaffold

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"
)

// frontMatter returns the YAML between the first two "---" lines.
func frontMatter(t *testing.T, md []byte) []byte {
	t.Helper()
	parts := bytes.SplitN(md, []byte("---\n"), 3)
	if len(parts) != 3 || len(parts[0]) != 0 {
		t.Fatalf("no front matter:\n%s", md)
	}
	return parts[1]
}

func TestArticleTitlesRoundTrip(t *testing.T) {
	ict := time.FixedZone("ICT", 7*3600)
	for _, title := range []string{
		`Giá "dầu": 100% <b>`,
		`Năm 2021: công nghiệp tăng gần 16%`,
		`'nháy đơn' và "nháy kép"`,
		`- không phải danh sách`,
		`# không phải chú thích`,
		`true`, `2020-12-30`, `68.800`, `null`, `~`,
		`[a, b]`, `{a: b}`, `&neo *bí-danh !thẻ`, `@ký hiệu`, "`mã`", `|`, `>`,
		`a \n b \\ c`, `<script>alert(1)</script>`,
		strings.Repeat("Dòng tiêu đề rất dài ", 20),
	} {
		for _, lang := range Languages() {
			md, err := Article{Title: title, Date: time.Date(2021, 3, 4, 5, 6, 7, 8, ict), Author: title, Lang: lang}.Markdown()
			if err != nil {
				t.Fatal(err)
			}
			var fm struct {
				Title   string    `yaml:"title"`
				Date    time.Time `yaml:"date"`
				Author  string    `yaml:"author"`
				Draft   bool      `yaml:"draft"`
				Summary *string   `yaml:"summary"`
				Tags    []string  `yaml:"tags"`
				Figures []any     `yaml:"figures"`
			}
			if err := yaml.Unmarshal(frontMatter(t, md), &fm); err != nil {
				t.Fatalf("%q: %v\n%s", title, err, md)
			}
			want := strings.TrimSpace(title)
			if fm.Title != want || fm.Author != want {
				t.Errorf("title %q read back as %q, author as %q", want, fm.Title, fm.Author)
			}
			if !fm.Draft || fm.Summary == nil || *fm.Summary != "" || fm.Tags == nil || len(fm.Tags) != 0 || fm.Figures == nil || len(fm.Figures) != 0 {
				t.Errorf("front matter %+v", fm)
			}
			if !bytes.Contains(md, []byte("\ndate: 2021-03-04T05:06:07+07:00\n")) {
				t.Errorf("date not written as RFC 3339 with its offset:\n%s", md)
			}
		}
	}
}

func TestArticleTitleOnOneLine(t *testing.T) {
	md, err := Article{Title: "Hai\ndòng\t", Date: time.Now(), Lang: "vi"}.Markdown()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(md, []byte("\ntitle: Hai dòng\n")) || !bytes.Contains(md, []byte("\n# author: ")) {
		t.Errorf("article:\n%s", md)
	}
}

func TestUnknownLanguage(t *testing.T) {
	if _, err := Site("fr"); err == nil {
		t.Error("Site(fr) gave no error")
	}
	if _, err := (Article{Title: "x", Lang: "fr"}).Markdown(); err == nil {
		t.Error("an article in fr gave no error")
	}
}

func TestWriteSite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "b")
	if err := WriteSite(dir, "vi"); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"almanac.toml", ".gitignore", "content/_index.md", "content/tin-tuc/_index.md"} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if err := WriteSite(dir, "en"); !errors.Is(err, ErrNotEmpty) {
		t.Errorf("second write: %v, want ErrNotEmpty", err)
	}
	empty := t.TempDir()
	if err := WriteSite(empty, "en"); err != nil {
		t.Errorf("an empty folder: %v", err)
	}
	if err := WriteSite(filepath.Join(dir, "almanac.toml"), "en"); err == nil || errors.Is(err, ErrNotEmpty) {
		t.Errorf("a file as the folder: %v", err)
	}
}

func TestSitesHaveTheSameShape(t *testing.T) {
	count := map[string]int{}
	for _, lang := range Languages() {
		files, err := Site(lang)
		if err != nil {
			t.Fatal(err)
		}
		err = fs.WalkDir(files, ".", func(name string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				count[lang]++
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if count["vi"] != count["en"] || count["vi"] < 5 {
		t.Errorf("files per language: %v", count)
	}
}
