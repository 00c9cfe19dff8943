package main

import (
	"bufio"
	"bytes"
	"fmt"
	"html"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

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
	go func() { codes <- run(withLang(append([]string{"serve"}, args...)), out, errOut) }()
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
