package contrast

import (
	"math"
	"testing"
)

func TestRatio(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"#000000", "#ffffff", 21},
		{"#ffffff", "#ffffff", 1},
		{"#767676", "#ffffff", 4.54}, // the lightest grey that passes AA on white
		{"#ffffff", "#767676", 4.54},
		{"#0000ff", "#ffffff", 8.59},
		{"oops", "#ffffff", 21},
	} {
		if got := Ratio(tc.a, tc.b); math.Abs(got-tc.want) > 0.01 {
			t.Errorf("Ratio(%s, %s) = %.3f, want %.2f", tc.a, tc.b, got, tc.want)
		}
	}
}
