// Package parallel runs the independent steps of a stage on all cores.
package parallel

import (
	"runtime"
	"sync"
)

// For calls fn(0) … fn(n-1) on GOMAXPROCS goroutines and returns when all
// calls have returned. The calls must not depend on each other.
func For(n int, fn func(i int)) {
	work := make(chan int, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range work {
				fn(i)
			}
		})
	}
	for i := range n {
		work <- i
	}
	close(work)
	wg.Wait()
}
