package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime/metrics"
	"runtime/pprof"
	"sync"
	"time"

	"github.com/almanac-news/almanac/internal/build"
)

// startProfile starts a CPU profile into dir/cpu.pprof, sets opts to
// write the heap profile of the finished build into dir/heap.pprof, and
// watches the collector to keep, in dir/heap-peak.pprof, the heap at the
// collection that found the most live memory. The function it returns
// stops both and closes the files.
func startProfile(dir string, opts *build.Options) (stop func() error, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	cpu, err := os.Create(filepath.Join(dir, "cpu.pprof"))
	if err != nil {
		return nil, err
	}
	heap, err := os.Create(filepath.Join(dir, "heap.pprof"))
	if err != nil {
		cpu.Close()
		return nil, err
	}
	if err := pprof.StartCPUProfile(cpu); err != nil {
		cpu.Close()
		heap.Close()
		return nil, err
	}
	opts.HeapProfile = heap
	peak := watchPeak(100 * time.Millisecond)
	return func() error {
		pprof.StopCPUProfile()
		profile := peak()
		return errors.Join(cpu.Close(), heap.Close(),
			os.WriteFile(filepath.Join(dir, "heap-peak.pprof"), profile, 0o644))
	}, nil
}

// watchPeak looks at the collector every interval and, after a
// collection that found more live memory than any before, takes a heap
// profile (which shows the heap as of the last collection). The function
// it returns stops watching and gives the profile of the largest heap.
func watchPeak(interval time.Duration) (stop func() []byte) {
	samples := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/cycles/total:gc-cycles"}}
	var (
		best    bytes.Buffer
		most    uint64
		cycles  uint64
		done    = make(chan struct{})
		stopped sync.WaitGroup
	)
	look := func() {
		metrics.Read(samples)
		live, n := samples[0].Value.Uint64(), samples[1].Value.Uint64()
		if n == cycles || live <= most {
			return
		}
		cycles, most = n, live
		best.Reset()
		pprof.Lookup("heap").WriteTo(&best, 0)
	}
	stopped.Add(1)
	go func() {
		defer stopped.Done()
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-done:
				look()
				return
			case <-tick.C:
				look()
			}
		}
	}()
	return func() []byte {
		close(done)
		stopped.Wait()
		return best.Bytes()
	}
}
