package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// The preview under load: loadClients clients fetch pages in a closed loop
// for loadDuration while the site rebuilds continuously.
const (
	loadClients  = 200
	loadDuration = 10 * time.Second
	loadArticles = 200
	// loadArticle is the article the rebuild loop retitles "Title N".
	loadArticle = "content/dau-tu/bai-00003.md"
	loadPage    = "/dau-tu/bai-00003/"
)

// loadResult is what one load run measured.
type loadResult struct {
	requests  int64
	took      time.Duration
	latencies []time.Duration // sorted
	rewrites  int             // titles written by the rebuild loop
	rebuilds  int             // rebuilds the preview reported during the load
	markers   int             // distinct "Title N" seen on the article page
	churned   int64           // event streams opened and dropped
	cpu       time.Duration   // CPU time the process used (server, builds and clients)
}

func (l loadResult) perSecond() float64 { return float64(l.requests) / l.took.Seconds() }

// percentile returns the latency below which the fraction p of requests fell.
func (l loadResult) percentile(p float64) time.Duration {
	if len(l.latencies) == 0 {
		return 0
	}
	return l.latencies[min(len(l.latencies)-1, int(float64(len(l.latencies))*p))]
}

func (l loadResult) String() string {
	return fmt.Sprintf("%d requests in %v (%.0f/s), median %v, p99 %v; %d titles written, %d rebuilds, %d markers seen, %d event streams churned; %v of CPU",
		l.requests, l.took.Round(time.Millisecond), l.perSecond(), l.percentile(0.5), l.percentile(0.99),
		l.rewrites, l.rebuilds, l.markers, l.churned, l.cpu.Round(10*time.Millisecond))
}

// TestPreviewUnderLoad runs 200 clients against the real preview of a
// 200-article site for 10 seconds (2 with -short) while a loop retitles
// an article every 50 ms. No request fails, no response is a 5xx, every
// page is one whole build's page, and the event streams opened and
// dropped during the load leave no goroutine behind.
func TestPreviewUnderLoad(t *testing.T) {
	duration := loadDuration
	if testing.Short() {
		duration = 2 * time.Second
	}
	dir := t.TempDir()
	writeManyArticles(t, dir, loadArticles)
	r := startPreview(t, dir, time.Time{})
	res := runLoad(t, r, primeLoad(t, r), duration, true)
	t.Log(res)
	if res.rebuilds < 3 || res.markers < 3 {
		t.Errorf("only %d rebuilds and %d title markers during the load: the site did not rebuild continuously", res.rebuilds, res.markers)
	}
	if res.churned < 20 {
		t.Errorf("only %d event streams were opened and dropped", res.churned)
	}
}

// BenchmarkPreviewUnderLoad reports throughput and latency of the preview
// of a 200-article site under 200 concurrent clients for 10 seconds, while
// the site rebuilds every 50 ms and while it does not. One iteration is
// the whole run: use -benchtime 1x.
func BenchmarkPreviewUnderLoad(b *testing.B) {
	for _, rebuilding := range []bool{true, false} {
		name := map[bool]string{true: "rebuilding", false: "static"}[rebuilding]
		b.Run(name, func(b *testing.B) {
			dir := b.TempDir()
			writeManyArticles(b, dir, loadArticles)
			r := startPreview(b, dir, time.Time{})
			targets := primeLoad(b, r)
			var res loadResult
			for range b.N {
				res = runLoad(b, r, targets, loadDuration, rebuilding)
			}
			b.Log(res)
			milliseconds := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
			b.ReportMetric(res.perSecond(), "req/s")
			b.ReportMetric(milliseconds(res.percentile(0.5)), "median-ms")
			b.ReportMetric(milliseconds(res.percentile(0.99)), "p99-ms")
			b.ReportMetric(float64(res.rebuilds), "rebuilds")
			b.ReportMetric(res.cpu.Seconds()/res.took.Seconds(), "CPUs") // below 2 on this machine: other processes took the rest
		})
	}
}

// loadTarget is a URL the clients fetch and what they expect of it.
type loadTarget struct {
	path   string
	status int
	body   []byte // the exact body when it never changes; nil to check pages
}

// loadTargets lists what the clients fetch: the retitled article (every
// other request), pages that show its title, a stylesheet, the reload
// script and a missing page.
func loadTargets(tb testing.TB, r *runningPreview) []loadTarget {
	tb.Helper()
	home := r.page(tb, "/")
	css := stylesheetLink.FindStringSubmatch(home)
	if css == nil {
		tb.Fatal("the home page links no main stylesheet")
	}
	article := loadTarget{path: loadPage, status: http.StatusOK}
	targets := []loadTarget{
		article, {path: "/", status: http.StatusOK},
		article, {path: "/dau-tu/", status: http.StatusOK},
		article, {path: "/dau-tu/bai-00008/", status: http.StatusOK},
		article, {path: "/cong-nghiep/bai-00000/", status: http.StatusOK},
		article, {path: "/khong-co-trang-nay/", status: http.StatusNotFound},
	}
	for _, fixed := range []string{css[1], "/_almanac/reload.js"} {
		targets = append(targets, article, loadTarget{path: fixed, status: http.StatusOK, body: []byte(r.page(tb, fixed))})
	}
	return targets
}

// primeLoad retitles the load article "Title 0", waits for the rebuild
// and returns what the clients will fetch.
func primeLoad(tb testing.TB, r *runningPreview) []loadTarget {
	tb.Helper()
	writeAtomically(tb, r.dir, loadArticle, retitle(tb, readSiteFile(tb, r.dir, loadArticle), "Title 0"))
	r.expect(tb, "reload")
	return loadTargets(tb, r)
}

// runLoad loads the preview for d, with or without the rebuild loop, and
// checks what every client got. Clients stop at their first failure.
func runLoad(tb testing.TB, r *runningPreview, targets []loadTarget, d time.Duration, rebuilding bool) loadResult {
	tb.Helper()
	time.Sleep(200 * time.Millisecond) // let the last build's goroutines end
	baseline := runtime.NumGoroutine()
	before := len(r.rebuildLines())

	transport := &http.Transport{MaxIdleConnsPerHost: loadClients}
	client := &http.Client{Transport: transport, Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	churnTransport := &http.Transport{}
	ctx, stop := context.WithTimeout(context.Background(), d)
	defer stop()
	var res loadResult
	var churned atomic.Int64
	var wg sync.WaitGroup
	latencies := make([][]time.Duration, loadClients)
	markers := make([]map[int]bool, loadClients)
	start, cpuStart := time.Now(), processCPU(tb)
	for i := range loadClients {
		wg.Go(func() { latencies[i], markers[i] = loadClient(ctx, tb, client, r.base, targets, i) })
	}
	for range 10 {
		wg.Go(func() { churnEvents(ctx, tb, churnTransport, r.base, &churned) })
	}
	if rebuilding {
		wg.Go(func() { res.rewrites = rewriteTitles(ctx, tb, r.dir) })
	}
	wg.Wait()
	res.took, res.cpu = time.Since(start), processCPU(tb)-cpuStart
	res.churned = churned.Load()
	res.latencies = slices.Concat(latencies...)
	slices.Sort(res.latencies)
	res.requests = int64(len(res.latencies))
	seen := map[int]bool{}
	for _, m := range markers {
		for n := range m {
			seen[n] = true
		}
	}
	res.markers = len(seen)
	res.rebuilds = len(r.rebuildLines()) - before

	transport.CloseIdleConnections()
	churnTransport.CloseIdleConnections()
	waitForGoroutines(tb, baseline)
	return res
}

// loadClient fetches the targets in turn, from its own starting point,
// until ctx ends, and returns its latencies and the title markers the
// article showed.
func loadClient(ctx context.Context, tb testing.TB, client *http.Client, base string, targets []loadTarget, id int) ([]time.Duration, map[int]bool) {
	var took []time.Duration
	markers := map[int]bool{}
	lastBuild, lastMarker := -1, -1
	for i := id; ctx.Err() == nil; i++ {
		target := targets[i%len(targets)]
		began := time.Now()
		status, body, err := fetchAll(client, base+target.path)
		if ctx.Err() != nil && err != nil {
			break // the load ended during the request
		}
		took = append(took, time.Since(began))
		if err == nil && status != target.status {
			err = fmt.Errorf("HTTP %d, want %d", status, target.status)
		}
		if err == nil && target.body != nil && !bytes.Equal(body, target.body) {
			err = fmt.Errorf("a body of %d bytes that differs from the file's %d", len(body), len(target.body))
		}
		if err == nil && target.body == nil {
			err = checkWholePage(body, target.path == loadPage, &lastBuild, &lastMarker)
		}
		if err != nil {
			tb.Errorf("client %d: GET %s: %v", id, target.path, err)
			break
		}
		if target.path == loadPage {
			markers[lastMarker] = true
		}
	}
	return took, markers
}

func fetchAll(client *http.Client, url string) (int, []byte, error) {
	resp, err := client.Get(url)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp.StatusCode, body, err
}

// checkWholePage checks that an HTML response is one complete page of one
// build: it ends with </html>, every "Title N" in it has the same N, and
// the build it names is not older than the last one this client saw. On
// the retitled article the <title> and <h1> must carry the marker, and it
// must not go back either.
func checkWholePage(body []byte, isArticle bool, lastBuild, lastMarker *int) error {
	if !bytes.HasSuffix(bytes.TrimRight(body, " \n"), []byte("</html>")) {
		return fmt.Errorf("an incomplete page of %d bytes ending %q", len(body), body[max(0, len(body)-40):])
	}
	build := numberAfter(body, []byte(`data-build="`))
	if build < *lastBuild {
		return fmt.Errorf("a page of build %d after one of build %d", build, *lastBuild)
	}
	*lastBuild = build
	marker := -1
	for rest := body; ; {
		at := bytes.Index(rest, []byte("Title "))
		if at < 0 {
			break
		}
		rest = rest[at+len("Title "):]
		if n := numberAfter(rest, nil); n >= 0 && marker >= 0 && n != marker {
			return fmt.Errorf("a page mixing Title %d and Title %d", marker, n)
		} else if n >= 0 {
			marker = n
		}
	}
	if !isArticle {
		return nil
	}
	title := numberAfter(body, []byte("<title>Title "))
	h1 := numberAfter(body, []byte(`<h1 class="story__title">Title `))
	if title < 0 || title != h1 {
		return fmt.Errorf("<title> marker %d and <h1> marker %d, want one same marker", title, h1)
	}
	if title < *lastMarker {
		return fmt.Errorf("Title %d after Title %d", title, *lastMarker)
	}
	*lastMarker = title
	return nil
}

// numberAfter returns the decimal number just after the first prefix in
// b (at the start of b when prefix is nil), or -1.
func numberAfter(b, prefix []byte) int {
	at := 0
	if prefix != nil {
		at = bytes.Index(b, prefix)
		if at < 0 {
			return -1
		}
		at += len(prefix)
	}
	end := at
	for end < len(b) && b[end] >= '0' && b[end] <= '9' {
		end++
	}
	n, err := strconv.Atoi(string(b[at:end]))
	if err != nil {
		return -1
	}
	return n
}

// rewriteTitles retitles the load article "Title N", N = 1, 2, …, every
// 50 ms until ctx ends, and returns how many titles it wrote.
func rewriteTitles(ctx context.Context, tb testing.TB, dir string) int {
	original := readSiteFile(tb, dir, loadArticle)
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	n := 0
	for {
		select {
		case <-ctx.Done():
			return n
		case <-tick.C:
			n++
			writeAtomically(tb, dir, loadArticle, retitle(tb, original, "Title "+strconv.Itoa(n)))
		}
	}
}

// writeAtomically saves a site file the way editors that rename do, so
// that no build reads it half-written.
func writeAtomically(tb testing.TB, dir, name, data string) {
	file := filepath.Join(dir, filepath.FromSlash(name))
	tmp := filepath.Join(filepath.Dir(file), ".load-"+filepath.Base(name))
	if err := os.WriteFile(tmp, []byte(data), 0o644); err != nil {
		tb.Error(err)
		return
	}
	if err := os.Rename(tmp, file); err != nil {
		tb.Error(err)
	}
}

// churnEvents opens event streams, reads their hello (and, one time in
// four, the next event) and drops them, until ctx ends.
func churnEvents(ctx context.Context, tb testing.TB, transport *http.Transport, base string, churned *atomic.Int64) {
	for i := 0; ctx.Err() == nil; i++ {
		err := helloAndDrop(ctx, transport, base, 1+min(1, i%4))
		if err != nil && ctx.Err() == nil {
			tb.Errorf("event stream: %v", err)
			return
		}
		if err == nil {
			churned.Add(1)
		}
	}
}

// helloAndDrop opens an event stream, reads until it has seen want
// events (waiting at most a second for those after the hello), and drops
// the connection.
func helloAndDrop(parent context.Context, transport *http.Transport, base string, want int) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/_almanac/events", nil)
	resp, err := transport.RoundTrip(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	wait := time.AfterFunc(5*time.Second, cancel) // for the hello
	defer wait.Stop()
	lines := bufio.NewScanner(resp.Body)
	got := 0
	for lines.Scan() {
		if !bytes.HasPrefix(lines.Bytes(), []byte("event: ")) {
			continue
		}
		if got++; got == 1 && lines.Text() != "event: hello" {
			return fmt.Errorf("first event %q, want hello", lines.Text())
		}
		if got >= want {
			return nil
		}
		wait.Reset(time.Second)
	}
	switch {
	case got >= 1 && parent.Err() == nil:
		return nil // no second event within a second: the stream was fine
	case got == 0 && parent.Err() == nil:
		return fmt.Errorf("no hello event: %v", lines.Err())
	}
	return parent.Err()
}

// processCPU returns the user and system CPU time the process used so far.
func processCPU(tb testing.TB) time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// waitForGoroutines waits until no more than want goroutines run.
func waitForGoroutines(tb testing.TB, want int) {
	tb.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() > want {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			tb.Fatalf("%d goroutines after the load, %d before:\n%s", runtime.NumGoroutine(), want, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// outsideSecret marks the files planted outside the site folder.
