package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/metrics"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/almanac-news/almanac/internal/build"
)

// startProfile starts a CPU profile into dir/cpu.pprof, sets opts to
// write the heap profile of the finished build into dir/heap.pprof, and
// watches the collector (memoryWatch) for dir/heap-peak.pprof and
// dir/memory.tsv. The function it returns stops them and writes the files.
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
	if opts.Progress == nil {
		opts.Progress = &build.Progress{}
	}
	watch := watchMemory(100*time.Millisecond, opts.Progress)
	return func() error {
		pprof.StopCPUProfile()
		peak, timeline := watch()
		return errors.Join(cpu.Close(), heap.Close(),
			os.WriteFile(filepath.Join(dir, "heap-peak.pprof"), peak, 0o644),
			os.WriteFile(filepath.Join(dir, "memory.tsv"), timeline, 0o644))
	}, nil
}

// phaseNames name build phases in memory.tsv.
var phaseNames = map[build.Phase]string{build.Starting: "starting", build.Reading: "reading",
	build.Planning: "planning", build.Writing: "writing", build.Finished: "finished"}

// memoryWatch looks at the collector every interval: after a collection
// that found more live memory than any before, it takes a heap profile
// (which shows the heap as of the last collection), and each time it
// adds a line to a timeline of the build's memory, with its phase.
type memoryWatch struct {
	progress *build.Progress
	start    time.Time
	samples  []metrics.Sample
	best     bytes.Buffer // the heap profile of the largest live heap
	most     uint64
	cycles   uint64
	timeline bytes.Buffer // memory.tsv
}

const timelineHeader = "seconds\tphase\tdone\ttotal\tlive_heap_mib\theap_goal_mib\theap_mib\tresident_mib\n"

// watchMemory starts watching; the function it returns stops, and gives
// the heap profile and the timeline.
func watchMemory(interval time.Duration, progress *build.Progress) (stop func() (peak, timeline []byte)) {
	w := &memoryWatch{progress: progress, start: time.Now(), samples: []metrics.Sample{
		{Name: "/gc/heap/live:bytes"}, {Name: "/gc/cycles/total:gc-cycles"},
		{Name: "/gc/heap/goal:bytes"}, {Name: "/memory/classes/heap/objects:bytes"}}}
	w.timeline.WriteString(timelineHeader)
	done := make(chan struct{})
	var stopped sync.WaitGroup
	stopped.Go(func() {
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-done:
				w.look()
				return
			case <-tick.C:
				w.look()
			}
		}
	})
	return func() ([]byte, []byte) {
		close(done)
		stopped.Wait()
		return w.best.Bytes(), w.timeline.Bytes()
	}
}

func (w *memoryWatch) look() {
	metrics.Read(w.samples)
	live, n := w.samples[0].Value.Uint64(), w.samples[1].Value.Uint64()
	phase, done, total := w.progress.Now()
	fmt.Fprintf(&w.timeline, "%.1f\t%s\t%d\t%d\t%d\t%d\t%d\t%s\n", time.Since(w.start).Seconds(), phaseNames[phase], done, total,
		live>>20, w.samples[2].Value.Uint64()>>20, w.samples[3].Value.Uint64()>>20, residentMiB())
	if n == w.cycles || live <= w.most {
		return
	}
	w.cycles, w.most = n, live
	w.best.Reset()
	pprof.Lookup("heap").WriteTo(&w.best, 0)
}

// residentMiB is the process's resident memory in MiB, from
// /proc/self/statm; empty where there is none.
func residentMiB() string {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return ""
	}
	pages, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		return ""
	}
	return strconv.FormatInt(pages*int64(os.Getpagesize())>>20, 10)
}
