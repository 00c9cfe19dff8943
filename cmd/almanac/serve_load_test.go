package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"html"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
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
const outsideSecret = "ALMANAC-OUTSIDE-SECRET"

// TestServeNeverShowsFilesOutsideTheSite runs `almanac serve --write` on
// sites whose content/, assets/ or data/ hold a link to a file beside the
// site folder, one link per site and all of them at once. The build may
// refuse the link or leave it out; either way no page, file or 404 of the
// preview, reached by crawling its links, by the link's own URL or by
// traversal attempts, and no file it writes holds a byte of the file.
func TestServeNeverShowsFilesOutsideTheSite(t *testing.T) {
	links := []struct{ link, target, url string }{ // target: relative or absolute ("/" is the outside folder)
		{"content/tin/lo-ra.md", "../../../outside/secret.md", "/tin/lo-ra/"},
		{"content/tin/tong-ket/lo-ra.txt", "/secret.txt", "/tin/tong-ket/lo-ra.txt"},
		{"content/tin/tong-ket/lo-ra.svg", "../../../../outside/secret.svg", "/tin/tong-ket/lo-ra.svg"},
		{"content/lo-ra", "/folder", "/lo-ra/bai/"},
		{"assets/css/lo-ra.css", "../../../outside/secret.css", "/assets/css/lo-ra.css"},
		{"data/lo-ra.csv", "/secret.csv", "/data/lo-ra.csv"},
	}
	for i := range len(links) + 1 {
		chosen, name := links, "all"
		if i < len(links) {
			chosen, name = links[i:i+1], links[i].link
		}
		t.Run(name, func(t *testing.T) {
			parent := t.TempDir()
			dir, outside := filepath.Join(parent, "site"), filepath.Join(parent, "outside")
			plantOutsideLinks(t, dir, outside)
			var urls []string
			for _, l := range chosen {
				target := l.target
				if strings.HasPrefix(target, "/") {
					target = filepath.Join(outside, target)
				}
				file := filepath.Join(dir, filepath.FromSlash(l.link))
				if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.Symlink(target, file); err != nil {
					t.Fatal(err)
				}
				urls = append(urls, l.url)
			}
			checkNothingFromOutside(t, dir, outside, urls)
		})
	}
}

// plantOutsideLinks writes the test site into dir and the files its
// links lead to into outside, beside it.
func plantOutsideLinks(t *testing.T, dir, outside string) {
	t.Helper()
	for _, f := range mustParseTxtar(t, "serve.txtar") {
		writeSiteFile(t, dir, f.Name, string(f.Data))
	}
	writeSiteFile(t, outside, "secret.md", "---\ntitle: "+outsideSecret+" title\ndate: 2020-12-01\n---\n"+outsideSecret+" body\n")
	writeSiteFile(t, outside, "folder/bai.md", "---\ntitle: "+outsideSecret+" folder\ndate: 2020-12-01\n---\n"+outsideSecret+"\n")
	for _, name := range []string{"secret.txt", "secret.css", "secret.csv", "secret.svg"} {
		writeSiteFile(t, outside, name, outsideSecret+" "+name+"\n")
	}
}

// checkNothingFromOutside serves dir and checks that no response and no
// written file holds a byte from outside, and that the links' URLs are
// not served.
func checkNothingFromOutside(t *testing.T, dir, outside string, linkURLs []string) {
	dest := filepath.Join(filepath.Dir(dir), "public")
	base, out := startServeCommand(t, "--source", dir, "--port", "0", "--write", "--dest", dest)
	defer func() { t.Logf("the preview's terminal:\n%s", out) }()
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 10 * time.Second}
	for _, path := range crawl(t, client, base, append([]string{"/", "/tin/", "/tin/tong-ket/"}, linkURLs...)) {
		if slices.Contains(linkURLs, path.url) && path.status == http.StatusOK {
			t.Errorf("GET %s: HTTP 200, want it refused (404, or 503 when the build failed)", path.url)
		}
	}
	for _, target := range []string{"/../outside/secret.txt", "/%2e%2e/outside/secret.txt", "/..%2foutside%2fsecret.txt",
		"/%252e%252e/outside/secret.txt", "//" + strings.TrimPrefix(filepath.ToSlash(filepath.Join(outside, "secret.txt")), "/")} {
		status, body := rawTarget(t, base, target)
		if status != http.StatusNotFound && status != http.StatusServiceUnavailable || strings.Contains(body, outsideSecret) {
			t.Errorf("GET %s: HTTP %d %.200q, want a 404 without the secret", target, status, body)
		}
	}
	filepath.WalkDir(dest, func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if b, _ := os.ReadFile(name); bytes.Contains(b, []byte(outsideSecret)) {
				t.Errorf("serve --write wrote %s, which holds a file from outside the site", name)
			}
		}
		return nil
	})
}

func mustParseTxtar(t *testing.T, name string) []txtar.File {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return ar.Files
}

// startServeCommand runs `almanac serve` with args as the command line
// does, until the test ends (then it sends the process SIGINT, as Ctrl-C
// does, and checks the command exits 0). It returns the preview's base URL
// and its terminal.
func startServeCommand(t *testing.T, args ...string) (string, *lockedBuffer) {
	t.Helper()
	out, errOut := &lockedBuffer{}, &lockedBuffer{}
	codes := make(chan int, 1)
	go func() { codes <- run(append([]string{"serve"}, args...), out, errOut) }()
	serving := regexp.MustCompile(`Serving the preview at (http://127\.0\.0\.1:\d+)/`)
	deadline := time.Now().Add(time.Minute)
	for serving.FindStringSubmatch(out.String()) == nil {
		select {
		case code := <-codes:
			t.Fatalf("almanac serve exited %d before serving:\n%s%s", code, out, errOut)
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("not serving after a minute:\n%s", out)
		}
	}
	t.Cleanup(func() {
		if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
			t.Fatal(err)
		}
		select {
		case code := <-codes:
			if code != 0 {
				t.Errorf("almanac serve exited %d after Ctrl-C:\n%s", code, errOut)
			}
		case <-time.After(5 * time.Second):
			t.Error("almanac serve still running 5s after Ctrl-C")
		}
	})
	return serving.FindStringSubmatch(out.String())[1], out
}

// crawled is one URL the crawl fetched and its status.
type crawled struct {
	url    string
	status int
}

var linkAttr = regexp.MustCompile(`(?:href|src)="(/[^/"][^"]*|/)"`)

// crawl fetches the start URLs and every same-site URL their HTML links
// to, up to 500, failing on any response that holds outsideSecret.
func crawl(t *testing.T, client *http.Client, base string, start []string) []crawled {
	t.Helper()
	seen := map[string]bool{}
	queue := slices.Clone(start)
	var done []crawled
	for len(queue) > 0 && len(done) < 500 {
		url := queue[0]
		queue = queue[1:]
		if seen[url] {
			continue
		}
		seen[url] = true
		status, body, err := fetchAll(client, base+url)
		if err != nil {
			t.Fatalf("GET %s: %v", url, err)
		}
		done = append(done, crawled{url, status})
		if bytes.Contains(body, []byte(outsideSecret)) {
			t.Errorf("GET %s: HTTP %d shows a file from outside the site: %.300q", url, status, body)
		}
		for _, m := range linkAttr.FindAllSubmatch(body, -1) {
			queue = append(queue, html.UnescapeString(strings.SplitN(string(m[1]), "#", 2)[0]))
		}
	}
	t.Logf("crawled %d URLs", len(done))
	return done
}

// rawTarget sends target verbatim as the request line.
func rawTarget(t *testing.T, base, target string) (int, string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", strings.TrimPrefix(base, "http://"), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", target)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}
