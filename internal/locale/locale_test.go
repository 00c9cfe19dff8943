package locale

import (
	"testing"
	"time"
)

func at(offsetSeconds int, y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.FixedZone("", offsetSeconds))
}

func TestDateline(t *testing.T) {
	tests := []struct {
		lang string
		t    time.Time
		want string
	}{
		{"vi", at(7*3600, 2020, 12, 30, 15, 1), "Thứ Tư, 30/12/2020, 15:01 (GMT+7)"},
		{"en", at(7*3600, 2020, 12, 30, 15, 1), "Wednesday, 30 December 2020, 15:01 (GMT+7)"},
		{"vi", at(-(3*3600 + 30*60), 2021, 1, 3, 9, 5), "Chủ Nhật, 03/01/2021, 09:05 (GMT-3:30)"},
		{"en", at(-(3*3600 + 30*60), 2021, 1, 3, 9, 5), "Sunday, 3 January 2021, 09:05 (GMT-3:30)"},
		{"vi", at(0, 2021, 2, 1, 0, 0), "Thứ Hai, 01/02/2021, 00:00 (GMT+0)"},
		{"vi", at(5*3600+45*60, 2021, 5, 8, 23, 59), "Thứ Bảy, 08/05/2021, 23:59 (GMT+5:45)"},
		{"vi", at(-10*3600, 2021, 5, 4, 12, 0), "Thứ Ba, 04/05/2021, 12:00 (GMT-10)"},
		{"vi", at(13*3600, 2021, 5, 6, 7, 30), "Thứ Năm, 06/05/2021, 07:30 (GMT+13)"},
		{"vi-VN", at(7*3600, 2021, 5, 7, 18, 0), "Thứ Sáu, 07/05/2021, 18:00 (GMT+7)"},
		{"en-GB", at(3600, 2021, 9, 7, 18, 0), "Tuesday, 7 September 2021, 18:00 (GMT+1)"},
		{"fr", at(3600, 2021, 9, 7, 18, 0), "Tuesday, 7 September 2021, 18:00 (GMT+1)"},
	}
	for _, tt := range tests {
		if got := Dateline(tt.lang, tt.t); got != tt.want {
			t.Errorf("Dateline(%q, %v) = %q, want %q", tt.lang, tt.t, got, tt.want)
		}
	}
}

func TestDatelineInNamedZone(t *testing.T) {
	hcm, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	utc := time.Date(2020, 12, 30, 8, 1, 0, 0, time.UTC)
	if got, want := Dateline("vi", utc.In(hcm)), "Thứ Tư, 30/12/2020, 15:01 (GMT+7)"; got != want {
		t.Errorf("Dateline in Asia/Ho_Chi_Minh = %q, want %q", got, want)
	}
	if got, want := Dateline("vi", utc), "Thứ Tư, 30/12/2020, 08:01 (GMT+0)"; got != want {
		t.Errorf("Dateline in UTC = %q, want %q", got, want)
	}
}

func TestShortAndLongDate(t *testing.T) {
	tests := []struct {
		lang      string
		t         time.Time
		short     string
		long      string
		offsetStr string
	}{
		{"vi", at(7*3600, 2020, 12, 30, 15, 1), "30/12/2020", "Thứ Tư, 30/12/2020", "GMT+7"},
		{"en", at(7*3600, 2020, 12, 30, 15, 1), "30 Dec 2020", "Wednesday, 30 December 2020", "GMT+7"},
		{"vi", at(-(9*3600 + 30*60), 2020, 3, 1, 1, 0), "01/03/2020", "Chủ Nhật, 01/03/2020", "GMT-9:30"},
		{"en", at(-(9*3600 + 30*60), 2020, 3, 1, 1, 0), "1 Mar 2020", "Sunday, 1 March 2020", "GMT-9:30"},
		{"en", at(0, 999, 5, 9, 0, 0), "9 May 999", "Thursday, 9 May 999", "GMT+0"},
	}
	for _, tt := range tests {
		if got := ShortDate(tt.lang, tt.t); got != tt.short {
			t.Errorf("ShortDate(%q, %v) = %q, want %q", tt.lang, tt.t, got, tt.short)
		}
		if got := LongDate(tt.lang, tt.t); got != tt.long {
			t.Errorf("LongDate(%q, %v) = %q, want %q", tt.lang, tt.t, got, tt.long)
		}
		if got := Offset(tt.t); got != tt.offsetStr {
			t.Errorf("Offset(%v) = %q, want %q", tt.t, got, tt.offsetStr)
		}
	}
}

func TestList(t *testing.T) {
	tests := []struct {
		lang  string
		items []string
		want  string
	}{
		{"vi", nil, ""},
		{"vi", []string{"An"}, "An"},
		{"vi", []string{"An", "Bình"}, "An và Bình"},
		{"vi", []string{"An", "Bình", "Chi"}, "An, Bình và Chi"},
		{"en", []string{"Ann", "Bob"}, "Ann and Bob"},
		{"en", []string{"Ann", "Bob", "Cy"}, "Ann, Bob and Cy"},
	}
	for _, tt := range tests {
		if got := List(tt.lang, tt.items); got != tt.want {
			t.Errorf("List(%q, %q) = %q, want %q", tt.lang, tt.items, got, tt.want)
		}
	}
}

func TestBaseAndSupported(t *testing.T) {
	tests := []struct {
		lang      string
		base      string
		supported bool
	}{
		{"vi", "vi", true},
		{"vi-VN", "vi", true},
		{"EN_gb", "en", true},
		{"fr-CA", "fr", false},
		{"", "", false},
	}
	for _, tt := range tests {
		if got := Base(tt.lang); got != tt.base {
			t.Errorf("Base(%q) = %q, want %q", tt.lang, got, tt.base)
		}
		if got := Supported(tt.lang); got != tt.supported {
			t.Errorf("Supported(%q) = %v, want %v", tt.lang, got, tt.supported)
		}
	}
}

func TestMonths(t *testing.T) {
	tests := []struct {
		lang       string
		t          time.Time
		name, year string
	}{
		{"vi", at(7*3600, 2020, 12, 30, 15, 1), "Tháng 12", "Tháng 12/2020"},
		{"vi-VN", at(7*3600, 2021, 1, 3, 0, 0), "Tháng 1", "Tháng 1/2021"},
		{"en", at(0, 2020, 12, 30, 15, 1), "December", "December 2020"},
		{"en-GB", at(0, 2021, 5, 1, 0, 0), "May", "May 2021"},
		{"fr", at(0, 2021, 2, 1, 0, 0), "February", "February 2021"},
	}
	for _, tt := range tests {
		if got := MonthName(tt.lang, tt.t); got != tt.name {
			t.Errorf("MonthName(%q, %v) = %q, want %q", tt.lang, tt.t, got, tt.name)
		}
		if got := MonthYear(tt.lang, tt.t); got != tt.year {
			t.Errorf("MonthYear(%q, %v) = %q, want %q", tt.lang, tt.t, got, tt.year)
		}
	}
}

func TestListSeparatorJoinsAsList(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		for n := range 5 {
			items := []string{"An", "Bình", "Chi", "Dũng"}[:n]
			var joined string
			for i, item := range items {
				joined += ListSeparator(lang, i, n) + item
			}
			if want := List(lang, items); joined != want {
				t.Errorf("%s, %d items: joined with ListSeparator %q, List gives %q", lang, n, joined, want)
			}
		}
	}
}

func TestPhotoCredit(t *testing.T) {
	tests := []struct{ lang, credit, want string }{
		{"vi", "Thu Hà", "Ảnh: Thu Hà"},
		{"vi-VN", "  Thu Hà ", "Ảnh: Thu Hà"},
		{"en", "Jane Smith", "Photo: Jane Smith"},
		{"vi", "Đồ họa: Bản tin Công Thương", "Đồ họa: Bản tin Công Thương"},
		{"vi", "Ảnh: TTXVN", "Ảnh: TTXVN"},
		{"vi", "", ""},
	}
	for _, tt := range tests {
		if got := PhotoCredit(tt.lang, tt.credit); got != tt.want {
			t.Errorf("PhotoCredit(%q, %q) = %q, want %q", tt.lang, tt.credit, got, tt.want)
		}
	}
}
