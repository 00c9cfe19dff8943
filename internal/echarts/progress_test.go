package echarts

import (
	"bytes"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a bytes.Buffer safe for the progress goroutine.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestProgressLineOnTerminal drives the progress line as a terminal would
// see it: redrawn in place, then erased.
func TestProgressLineOnTerminal(t *testing.T) {
	var out lockedBuffer
	p := &progress{w: &out, terminal: true, interval: time.Millisecond, stop: make(chan struct{}), finished: make(chan struct{})}
	go p.redraw()
	p.expect(13_000_000)
	p.counter().Write(make([]byte, 4_249_999))
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(out.String(), "4.2 MB of 13.0 MB (32%)") && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	p.finish()
	got := out.String()
	if !strings.HasPrefix(got, "\r\x1b[K  ") || !strings.Contains(got, "\r\x1b[K  4.2 MB of 13.0 MB (32%)") || !strings.HasSuffix(got, "\r\x1b[K") {
		t.Errorf("terminal output %q: want the line redrawn in place, then erased", got)
	}
	p.finish() // a second finish is harmless
}

func TestProgressLine(t *testing.T) {
	p := &progress{}
	p.counter().Write(make([]byte, 1_500_000))
	if got := p.line(); got != "  1.5 MB" {
		t.Errorf("without a length: %q", got)
	}
	p.expect(3_000_000)
	if got := p.line(); got != "  1.5 MB of 3.0 MB (50%)" {
		t.Errorf("with a length: %q", got)
	}
}

func TestIsTerminal(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "log")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) || isTerminal(&bytes.Buffer{}) {
		t.Error("a regular file or a buffer is taken for a terminal")
	}
}
