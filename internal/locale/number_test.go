package locale

import (
	"sync"
	"testing"
)

func TestNumber(t *testing.T) {
	for _, tc := range []struct {
		lang     string
		v        float64
		decimals int
		want     string
	}{
		{"vi", 68800, 0, "68.800"},
		{"en", 68800, 0, "68,800"},
		{"vi", 1.7, 1, "1,7"},
		{"en", 1.7, 1, "1.7"},
		{"vi", 1.7, 2, "1,70"},
		{"vi", -1.7, 1, "\u22121,7"},
		{"en", -68800, 0, "\u221268,800"},
		{"vi", 0, 0, "0"},
		{"en", 0, 2, "0.00"},
		{"vi", -0.04, 1, "0,0"}, // rounds to zero: no sign
		{"vi", 1234567.891, 2, "1.234.567,89"},
		{"en", 1234567.891, 2, "1,234,567.89"},
		{"en", 1234567891234, 0, "1,234,567,891,234"},
		{"vi", 79770, 0, "79.770"},
		{"en", 1.35, 1, "1.4"},
		{"en", 2.6, -1, "3"}, // negative decimals count as none
		{"vi-VN", 46315, 0, "46.315"},
		{"fr", 46315, 0, "46,315"}, // unsupported languages fall back to English
	} {
		if got := Number(tc.lang, tc.v, tc.decimals); got != tc.want {
			t.Errorf("Number(%q, %v, %d) = %q, want %q", tc.lang, tc.v, tc.decimals, got, tc.want)
		}
	}
}

func TestPercent(t *testing.T) {
	for _, tc := range []struct {
		lang     string
		v        float64
		decimals int
		signed   string
		unsigned string
	}{
		{"vi", -1.7, 1, "\u22121,7\u00a0%", "1,7\u00a0%"},
		{"vi", 2.6, 1, "+2,6\u00a0%", "2,6\u00a0%"},
		{"en", -1.7, 1, "\u22121.7%", "1.7%"},
		{"en", 2.6, 1, "+2.6%", "2.6%"},
		{"vi", 0, 0, "0\u00a0%", "0\u00a0%"},
		{"en", -0.01, 1, "0.0%", "0.0%"},
		{"en", 16, 0, "+16%", "16%"},
		{"vi", -21.6, 1, "\u221221,6\u00a0%", "21,6\u00a0%"},
		{"en", 1234.5, 1, "+1,234.5%", "1,234.5%"},
		{"vi", 9.7, 2, "+9,70\u00a0%", "9,70\u00a0%"},
	} {
		if got := SignedPercent(tc.lang, tc.v, tc.decimals); got != tc.signed {
			t.Errorf("SignedPercent(%q, %v, %d) = %q, want %q", tc.lang, tc.v, tc.decimals, got, tc.signed)
		}
		if got := Percent(tc.lang, tc.v, tc.decimals); got != tc.unsigned {
			t.Errorf("Percent(%q, %v, %d) = %q, want %q", tc.lang, tc.v, tc.decimals, got, tc.unsigned)
		}
	}
}

func TestNumberConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lang := []string{"vi", "en"}[i%2]
			want := map[string]string{"vi": "68.800", "en": "68,800"}[lang]
			for range 200 {
				if got := Number(lang, 68800, 0); got != want {
					t.Errorf("Number(%q) = %q, want %q", lang, got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func BenchmarkNumber(b *testing.B) {
	for b.Loop() {
		Number("vi", 68800.5, 1)
	}
}
