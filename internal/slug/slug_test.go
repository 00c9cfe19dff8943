package slug

import (
	"sync"
	"testing"
)

func TestMake(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Công Thương", "cong-thuong"},
		{"Ngành Công Thương phải tham mưu", "nganh-cong-thuong-phai-tham-muu"},
		{"đường Đồng Khởi", "duong-dong-khoi"},
		{"  Hello, World! ", "hello-world"},
		{"Năm 2020", "nam-2020"},
		{"Kết quả: 9 tháng / 2020 (ước tính)", "ket-qua-9-thang-2020-uoc-tinh"},
		{"Tiếng Việt có dấu: ắ ằ ẳ ẵ ặ ơ ư", "tieng-viet-co-dau-a-a-a-a-a-o-u"},
		{"TĂNG TRƯỞNG GDP", "tang-truong-gdp"},
		{"Ærøskøbing Straße", "aeroskobing-strasse"},
		{"Łódź", "lodz"},
		{"Café déjà vu", "cafe-deja-vu"},
		{"a--b__c..d", "a-b-c-d"},
		{"snake_case-and-kebab", "snake-case-and-kebab"},
		{"---x---", "x"},
		{"!!!", ""},
		{"", ""},
		{"   ", ""},
		{"日本語", ""},
		{"Giá 日本 trị", "gia-tri"},
		{"tab\tand\nnewline", "tab-and-newline"},
		// NFC input and decomposed (NFD) input give the same slug.
		{"C\u00f4ng", "cong"},
		{"Co\u0302ng", "cong"},
	}
	for _, tt := range tests {
		if got := Make(tt.in); got != tt.want {
			t.Errorf("Make(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMakeResultIsValid(t *testing.T) {
	for _, in := range []string{"Công Thương", "Năm 2020", "Ærø", "x.y", "a_b"} {
		if s := Make(in); !Valid(s) {
			t.Errorf("Make(%q) = %q, which Valid rejects", in, s)
		}
	}
}

func TestMakeConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 500 {
				if got := Make("Ngành Công Thương"); got != "nganh-cong-thuong" {
					t.Errorf("Make = %q", got)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestValid(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"cong-thuong", true},
		{"bao-cao-2020", true},
		{"v1.2_final", true},
		{"a", true},
		{"...", true},
		{"", false},
		{".", false},
		{"..", false},
		{"Cong-Thuong", false},
		{"công-thương", false},
		{"has space", false},
		{"a/b", false},
		{"a?b", false},
		{"a%20b", false},
		{"a#b", false},
	}
	for _, tt := range tests {
		if got := Valid(tt.in); got != tt.want {
			t.Errorf("Valid(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func BenchmarkMake(b *testing.B) {
	b.Run("vietnamese", func(b *testing.B) {
		for b.Loop() {
			Make("Ngành Công Thương phải tham mưu kết quả năm 2020")
		}
	})
	b.Run("ascii", func(b *testing.B) {
		for b.Loop() {
			Make("Industry output grew in 2020")
		}
	})
}
