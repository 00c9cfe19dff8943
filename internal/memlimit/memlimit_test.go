package memlimit

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestLimit(t *testing.T) {
	for _, c := range []struct {
		limit int64
		live  uint64
		want  int64
	}{
		{900 << 20, 100 << 20, 900 << 20}, // data small beside the budget: the budget holds
		{900 << 20, 450 << 20, 900 << 20}, // exactly half
		{900 << 20, 451 << 20, 902 << 20}, // more than half: twice the data
		{902 << 20, 300 << 20, 902 << 20}, // never lowered
		{900 << 20, math.MaxUint64, math.MaxInt64},
	} {
		if got := Limit(c.limit, c.live); got != c.want {
			t.Errorf("Limit(%d, %d) = %d, want %d", c.limit, c.live, got, c.want)
		}
	}
}

// TestStartRaisesTheLimitForLargeData holds a live heap of more than half
// the budget and waits for the limit to become twice the live heap; stop
// puts back the limit there was.
func TestStartRaisesTheLimitForLargeData(t *testing.T) {
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		t.Skip("GOMEMLIMIT is set: Start leaves the limit to it")
	}
	before := debug.SetMemoryLimit(-1)
	const budget = 64 << 20
	stop := Start(budget)
	if got := debug.SetMemoryLimit(-1); got != budget {
		t.Fatalf("the limit after Start is %d, want %d", got, budget)
	}
	data := make([][]byte, 48)
	for i := range data {
		data[i] = make([]byte, 1<<20)
		data[i][0] = byte(i)
	}
	deadline := time.Now().Add(5 * time.Second)
	for debug.SetMemoryLimit(-1) < 96<<20 && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(2 * Every)
	}
	if got := debug.SetMemoryLimit(-1); got < 96<<20 {
		t.Errorf("with 48 MiB live under a 64 MiB budget the limit stayed %d", got)
	}
	runtime.KeepAlive(data)
	stop()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("stop left the limit at %d, want %d", got, before)
	}
}

func TestGOMEMLIMITIsTheUsersChoice(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "2GiB")
	before := debug.SetMemoryLimit(-1)
	stop := Start(64 << 20)
	defer stop()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("with GOMEMLIMIT set Start changed the limit to %d", got)
	}
}
