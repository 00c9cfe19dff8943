package echarts

import (
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// progressInterval is how often the progress line is redrawn.
const progressInterval = 200 * time.Millisecond

// progress tells the person waiting what is being downloaded: one line
// when the download starts, always, and on a terminal a line redrawn in
// place with the bytes received so far, erased when the download ends.
type progress struct {
	w        io.Writer
	terminal bool
	interval time.Duration
	total    atomic.Int64 // bytes announced by the responses so far
	done     atomic.Int64 // bytes received so far

	mu       sync.Mutex // serialises writes to w
	stop     chan struct{}
	finished chan struct{}
}

// announce prints what is fetched from where and where it is kept, and
// starts the progress line when w is a terminal.
func announce(opts Options, pkgs []npmPackage) *progress {
	p := &progress{w: opts.Log, terminal: isTerminal(opts.Log), interval: progressInterval,
		stop: make(chan struct{}), finished: make(chan struct{})}
	fmt.Fprintf(p.w, "Fetching %s from %s (first chart build; cached in %s)\n", pkgs[0], opts.Registry, opts.CacheDir)
	if !p.terminal {
		close(p.finished)
		return p
	}
	go p.redraw()
	return p
}

// isTerminal reports whether w is a character device, such as a terminal,
// and the terminal is not a dumb one.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("TERM") == "dumb" {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// expect adds a response's announced length to the total.
func (p *progress) expect(n int64) {
	if n > 0 {
		p.total.Add(n)
	}
}

// counter returns a writer that counts the bytes written to it.
func (p *progress) counter() io.Writer { return progressCounter{p} }

type progressCounter struct{ p *progress }

func (c progressCounter) Write(b []byte) (int, error) {
	c.p.done.Add(int64(len(b)))
	return len(b), nil
}

// redraw rewrites the progress line until finish is called.
func (p *progress) redraw() {
	defer close(p.finished)
	tick := time.NewTicker(p.interval)
	defer tick.Stop()
	for {
		select {
		case <-p.stop:
			p.mu.Lock()
			fmt.Fprint(p.w, "\r\x1b[K") // erase the line: the download is over
			p.mu.Unlock()
			return
		case <-tick.C:
			p.mu.Lock()
			fmt.Fprint(p.w, "\r\x1b[K"+p.line())
			p.mu.Unlock()
		}
	}
}

// line is the progress so far: "  4.2 MB of 13.0 MB (32%)".
func (p *progress) line() string {
	done, total := p.done.Load(), p.total.Load()
	if total <= 0 || done > total {
		return "  " + megabytes(done)
	}
	return fmt.Sprintf("  %s of %s (%d%%)", megabytes(done), megabytes(total), done*100/total)
}

// finish stops the progress line and waits until it is erased.
func (p *progress) finish() {
	select {
	case <-p.stop:
	default:
		close(p.stop)
	}
	<-p.finished
}

// megabytes writes n bytes as megabytes with one decimal, without
// floating point: 4_249_999 is "4.2 MB".
func megabytes(n int64) string {
	tenths := (n + 50_000) / 100_000
	return fmt.Sprintf("%d.%d MB", tenths/10, tenths%10)
}
