// Package memlimit keeps a long build near a memory budget without
// slowing it down more than the budget asks.
//
// Go's collector lets the heap grow to twice what is live (GOGC=100)
// before it collects again. A build of a 100,000-article archive holds
// about 430 MiB of live data while it writes pages, so the collector's
// headroom alone takes its memory past 1 GiB. Start sets the runtime's
// soft memory limit (runtime/debug.SetMemoryLimit) to the budget, so the
// collector runs a little more often instead of growing the heap past it,
// and watches the live heap: whenever twice the live heap passes the
// limit, it raises the limit to that, so a site whose data alone needs
// more than half the budget builds exactly as it would without a limit,
// never with the collector running flat out to hold a limit its data
// exceeds.
//
// The environment variable GOMEMLIMIT, when set, is the user's choice:
// Start then changes nothing.
package memlimit

import (
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// Every is how often Start reads the live heap.
const Every = 50 * time.Millisecond

// Start sets the soft memory limit to budget bytes and adjusts it as
// the package comment says until stop is called, which restores the limit
// there was before.
func Start(budget int64) (stop func()) {
	if _, set := os.LookupEnv("GOMEMLIMIT"); set || budget <= 0 {
		return func() {}
	}
	before := debug.SetMemoryLimit(budget)
	done, finished := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(finished)
		watch(budget, done)
	}()
	return func() {
		close(done)
		<-finished
		debug.SetMemoryLimit(before)
	}
}

// watch raises the limit to twice the live heap whenever that passes it.
func watch(limit int64, done <-chan struct{}) {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	tick := time.NewTicker(Every)
	defer tick.Stop()
	for {
		select {
		case <-done:
			return
		case <-tick.C:
		}
		metrics.Read(sample)
		if next := Limit(limit, sample[0].Value.Uint64()); next != limit {
			limit = next
			debug.SetMemoryLimit(limit)
		}
	}
}

// Limit is the limit to hold for a live heap of live bytes under the
// current limit: twice the live heap once that is more than the limit.
// It never lowers the limit: the live heap of a build falls only at its end.
func Limit(limit int64, live uint64) int64 {
	if live > math.MaxInt64/2 {
		return math.MaxInt64
	}
	if need := 2 * int64(live); need > limit {
		return need
	}
	return limit
}
