package parse

import (
	"testing"
	"testing/fstest"
	"time"
)

// A date written as a day alone is recorded as such: midnight in the
// site's time zone, DateOnly set; every other form keeps its time.
func TestDateOnly(t *testing.T) {
	tests := []struct {
		date, lastmod      string
		dateOnly, lastOnly bool
		want               string
	}{
		{"2021-10-06", "2021-10-07", true, true, "2021-10-06T00:00:00+07:00"},
		{"2021-10-06T00:00:00+07:00", "2021-10-07 09:00", false, false, "2021-10-06T00:00:00+07:00"},
		{"2021-10-06 00:00", "2021-10-07", false, true, "2021-10-06T00:00:00+07:00"},
		{"\"2021-10-06\"", "2021-10-07T08:00:00Z", true, false, "2021-10-06T00:00:00+07:00"},
	}
	for _, tt := range tests {
		fsys := fstest.MapFS{"tin/a.md": file("---\ntitle: A\ndate: " + tt.date + "\nlastmod: " + tt.lastmod + "\n---\n")}
		res, problems := Dir(fsys, testOptions())
		if err := problems.Err(); err != nil {
			t.Fatal(err)
		}
		p := res.Site.Pages[0]
		if p.DateOnly != tt.dateOnly || p.LastmodDateOnly != tt.lastOnly {
			t.Errorf("date %s, lastmod %s: DateOnly %v, LastmodDateOnly %v; want %v, %v",
				tt.date, tt.lastmod, p.DateOnly, p.LastmodDateOnly, tt.dateOnly, tt.lastOnly)
		}
		if got := p.Date.Format(time.RFC3339); got != tt.want {
			t.Errorf("date %s = %s, want %s", tt.date, got, tt.want)
		}
	}
}

// The lead picture's credit is read into the site model.
func TestImageCredit(t *testing.T) {
	fsys := fstest.MapFS{
		"tin/a/index.md": file("---\ntitle: A\ndate: 2021-10-06\nimage:\n  src: anh.svg\n  alt: Hội trường\n  caption: Hội nghị.\n  credit: Thu Hà\n---\n"),
		"tin/a/anh.svg":  file("<svg/>"),
	}
	res, problems := Dir(fsys, testOptions())
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	img := res.Site.Pages[0].Image
	if img == nil || img.Credit != "Thu Hà" || img.Caption != "Hội nghị." {
		t.Errorf("image %+v, want caption Hội nghị. and credit Thu Hà", img)
	}
}

// A TOML local date, written unquoted, is a day alone too.
func TestDateOnlyInTOML(t *testing.T) {
	fsys := fstest.MapFS{"tin/a.md": file("+++\ntitle = \"A\"\ndate = 2021-10-06\n+++\n")}
	res, problems := Dir(fsys, testOptions())
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	if p := res.Site.Pages[0]; !p.DateOnly {
		t.Errorf("date = 2021-10-06 gave %v, DateOnly false", p.Date)
	}
}
