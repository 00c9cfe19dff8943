package serve

import (
	"errors"
	"fmt"
	"maps"
	"net"
	"strings"
	"sync"
	"syscall"
	"testing"
)

func TestListenDefaultsToLoopback(t *testing.T) {
	s := New(Options{})
	if s.opts.Bind != DefaultBind {
		t.Errorf("Bind = %q, want %q", s.opts.Bind, DefaultBind)
	}
	l, err := s.Listen()
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	addr := l.Addr().(*net.TCPAddr)
	if !addr.IP.IsLoopback() || addr.Port == 0 {
		t.Errorf("listening on %v, want a loopback address with a picked port", addr)
	}
}

func TestBusyPortNamesAFreeOne(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	port := busy.Addr().(*net.TCPAddr).Port

	_, err = New(Options{Port: port}).Listen()
	var inUse *PortInUseError
	if !errors.As(err, &inUse) {
		t.Fatalf("Listen on a busy port: %v, want a *PortInUseError", err)
	}
	if !errors.Is(err, syscall.EADDRINUSE) {
		t.Errorf("%v does not wrap EADDRINUSE", err)
	}
	if inUse.Free == 0 || inUse.Free == port {
		t.Fatalf("suggested port %d", inUse.Free)
	}
	want := fmt.Sprintf("port %d is in use; try --port %d, or --port 0 to pick a free one", port, inUse.Free)
	if err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
	// The suggestion works (unless another program took it meanwhile).
	free, err := New(Options{Port: inUse.Free}).Listen()
	if err != nil {
		t.Errorf("the suggested port: %v", err)
	} else {
		free.Close()
	}
}

func TestListenOtherErrors(t *testing.T) {
	_, err := New(Options{Bind: "203.0.113.1", Port: 0}).Listen() // TEST-NET-3: not ours
	if err == nil || !strings.Contains(err.Error(), "cannot listen on 203.0.113.1:0") {
		t.Errorf("Listen on a foreign address: %v", err)
	}
}

func TestMergeMoved(t *testing.T) {
	tests := []struct {
		name         string
		old, renamed map[string]string
		want         map[string]string
	}{
		{"first rename", nil, map[string]string{"/a/": "/b/"}, map[string]string{"/a/": "/b/"}},
		{"normalized", nil, map[string]string{"a/": "b/", "/x/../c": "/d"}, map[string]string{"/a/": "/b/", "/c": "/d"}},
		{"chain", map[string]string{"/a/": "/b/"}, map[string]string{"/b/": "/c/"}, map[string]string{"/a/": "/c/", "/b/": "/c/"}},
		{"renamed back", map[string]string{"/a/": "/b/"}, map[string]string{"/b/": "/a/"}, map[string]string{"/b/": "/a/"}},
		{"unrelated kept", map[string]string{"/a/": "/b/"}, map[string]string{"/x/": "/y/"}, map[string]string{"/a/": "/b/", "/x/": "/y/"}},
	}
	for _, tt := range tests {
		old := maps.Clone(tt.old)
		got := mergeMoved(tt.old, tt.renamed)
		if !maps.Equal(got, tt.want) {
			t.Errorf("%s: mergeMoved = %v, want %v", tt.name, got, tt.want)
		}
		if !maps.Equal(tt.old, old) {
			t.Errorf("%s: mergeMoved changed the published map", tt.name)
		}
	}
}

// version returns build number i of a site whose files are large enough
// that a response mixing two builds would show.
func version(i int) mapTree {
	mark := fmt.Sprintf("v%03d;", i)
	return mapTree{
		"index.html":   "<html><body>" + strings.Repeat(mark, 20000) + "</body></html>",
		"data/big.csv": strings.Repeat(mark, 30000),
	}
}

func TestConcurrentPublishServesWholeTrees(t *testing.T) {
	r := startNew(t)
	const builds = 60
	valid := map[string]map[string]bool{"index.html": {}, "data/big.csv": {}}
	trees := make([]mapTree, builds)
	for i := range trees {
		trees[i] = version(i)
		valid["index.html"][unstamp(string(injectReloadScript([]byte(trees[i]["index.html"]), renderTag(pageStamp{}))))] = true
		valid["data/big.csv"][trees[i]["data/big.csv"]] = true
	}
	r.Publish(trees[0], Change{})

	// The publisher swaps builds for as long as the readers read.
	done := make(chan struct{})
	published := make(chan int)
	go func() {
		n := 0
		for i := 1; ; i++ {
			select {
			case <-done:
				published <- n
				return
			default:
			}
			r.Publish(trees[i%builds], Change{Paths: []string{"index.html", "data/big.csv"}})
			n++
		}
	}()
	var readers sync.WaitGroup
	for g := range 50 {
		readers.Go(func() {
			name := []string{"index.html", "data/big.csv"}[g%2]
			for range 20 {
				status, body, err := r.fetch("/" + name)
				if err != nil || status != 200 || !valid[name][unstamp(body)] {
					t.Errorf("GET /%s: %d, %v, a body of %d bytes that no build produced", name, status, err, len(body))
					return
				}
			}
		})
	}
	readers.Wait()
	close(done)
	if n := <-published; n < builds {
		t.Logf("only %d builds published while reading", n)
	}
}
