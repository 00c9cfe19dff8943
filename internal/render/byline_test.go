package render

import (
	"strings"
	"testing"
	"time"

	"github.com/almanac-news/almanac/internal/site"
)

// A date written without a time (date: 2020-12-10) shows the day alone in
// the byline, in both languages; the datetime attribute and the page's
// JSON-LD keep the full timestamp.
func TestDateOnlyDateline(t *testing.T) {
	tests := []struct {
		lang, day, withTime string
	}{
		{"vi", "Thứ Năm, 10/12/2020", "Thứ Năm, 10/12/2020, 00:00 (GMT+7)"},
		{"en", "Thursday, 10 December 2020", "Thursday, 10 December 2020, 00:00 (GMT+7)"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			s := fixtureSite()
			s.Config.Language = tt.lang
			power := s.Sections[0].Articles[3]
			power.Date, power.DateOnly = time.Date(2020, 12, 10, 0, 0, 0, 0, ict), true
			html := render(t, plan(t, loadDefaultTheme(t, tt.lang), s)["cong-thuong/dien/index.html"])
			want := `<time datetime="2020-12-10T00:00:00&#43;07:00">` + tt.day + `</time>`
			if !strings.Contains(html, want) {
				t.Errorf("the byline lacks %s", want)
			}
			if strings.Contains(html, tt.withTime) || strings.Contains(html, "00:00 (GMT") {
				t.Errorf("the byline shows midnight: %s", tt.withTime)
			}
			if !strings.Contains(html, `"datePublished":"2020-12-10T00:00:00+07:00"`) {
				t.Error("JSON-LD lost the full timestamp")
			}
			power.DateOnly = false
			html = render(t, plan(t, loadDefaultTheme(t, tt.lang), s)["cong-thuong/dien/index.html"])
			if !strings.Contains(html, strings.ReplaceAll(tt.withTime, "+", "&#43;")) {
				t.Errorf("a date with a time lost it: want %s", tt.withTime)
			}
		})
	}
}

// The lead picture's credit ends its caption as "Ảnh: …", or alone when
// there is no caption; a credit naming its own kind is kept as written.
func TestLeadImageCredit(t *testing.T) {
	tests := []struct {
		lang, caption, credit, want string
	}{
		{"vi", "Dây chuyền lắp ráp.", "Thu Hà",
			`<figcaption class="figure__caption">Dây chuyền lắp ráp. <span class="figure__credit">Ảnh: Thu Hà</span></figcaption>`},
		{"vi", "", "Thu Hà", `<figcaption class="figure__caption"><span class="figure__credit">Ảnh: Thu Hà</span></figcaption>`},
		{"vi", "Nhà xưởng.", "Đồ họa: Bản tin", `Nhà xưởng. <span class="figure__credit">Đồ họa: Bản tin</span>`},
		{"en", "An assembly line.", "Jane Smith", `An assembly line. <span class="figure__credit">Photo: Jane Smith</span>`},
		{"vi", "Dây chuyền lắp ráp.", "", `<figcaption class="figure__caption">Dây chuyền lắp ráp.</figcaption>`},
	}
	for _, tt := range tests {
		s := fixtureSite()
		s.Config.Language = tt.lang
		report := s.Sections[0].Articles[0]
		report.Image = &site.Image{Src: report.Image.Src, Alt: "Dây chuyền", Caption: tt.caption, Credit: tt.credit}
		html := render(t, plan(t, loadDefaultTheme(t, tt.lang), s)["cong-thuong/bao-cao/index.html"])
		if !strings.Contains(html, tt.want) {
			_, fig, _ := strings.Cut(html, `<figure class="figure">`)
			fig, _, _ = strings.Cut(fig, "</figure>")
			t.Errorf("%s %q + %q: the figure is\n%s\nwant %s", tt.lang, tt.caption, tt.credit, fig, tt.want)
		}
	}
}
