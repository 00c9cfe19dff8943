// Command reloadbench measures the preview's save-to-reload time from
// outside the process, as a journalist's editor and browser see it. It
// starts `almanac serve -s SITE -p 0 --lang en` as a child process, opens
// the page's event stream (/_almanac/events), and then, -edits times,
// saves one article whole (as an editor does) and times the wait for the
// next "reload" event. It prints the median, 90th percentile, minimum and
// maximum, the server's peak and current memory (VmHWM and VmRSS from
// /proc/PID/status) after the first build and after the last edit, and
// the server's own last "rebuilt" line. The article's original text is
// restored at the end, even on Ctrl-C, and the server is stopped with
// SIGINT.
//
//	go run ./internal/sitegen/cmd/gensite -articles 10000 -out /dev/shm/site10k
//	go build -o /tmp/almanac ./cmd/almanac
//	go run ./internal/sitegen/cmd/reloadbench -almanac /tmp/almanac -site /dev/shm/site10k -kind tags
//
// -kind says what each edit changes: body appends a sentence to the body,
// title changes the title, tags replaces the article's last tag with
// another of gensite's default vocabulary, date moves the date one day
// forward (every other edit puts it back). The site is expected to be
// written by gensite: front matter keys on one line each, tags as a
// quoted list, articles in content/SECTION/NAME-NUMBER.md. By default
// the article edited is the one with the middle number.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/almanac-news/almanac/internal/sitegen"
)

func main() {
	bin := flag.String("almanac", "almanac", "`path` of the almanac binary")
	site := flag.String("site", "", "site `folder`, as written by gensite (required)")
	edits := flag.Int("edits", 30, "number of timed saves")
	article := flag.String("article", "", "article to edit, relative to the site (default: the middle one of the archive)")
	kind := flag.String("kind", "body", "what each save changes: body, title, tags or date")
	settle := flag.Duration("settle", 300*time.Millisecond, "pause before each save")
	flag.Parse()
	if *site == "" || *edits < 1 || flag.NArg() > 0 || !slices.Contains([]string{"body", "title", "tags", "date"}, *kind) {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*bin, *site, *article, *kind, *edits, *settle); err != nil {
		fmt.Fprintln(os.Stderr, "reloadbench:", err)
		os.Exit(1)
	}
}

func run(bin, site, article, kind string, edits int, settle time.Duration) error {
	if article == "" {
		rels := articles(site)
		if len(rels) == 0 {
			return fmt.Errorf("no article under %s/content", site)
		}
		article = rels[len(rels)/2]
	}
	file := filepath.Join(site, filepath.FromSlash(article))
	original, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	gen, err := sitegen.Generate(sitegen.Default(0)) // for gensite's tag vocabulary
	if err != nil {
		return err
	}
	edit := func(i int) (string, error) { return edited(kind, string(original), i, gen.Tags) }
	if _, err := edit(1); err != nil { // before starting anything
		return err
	}
	interrupt := make(chan os.Signal, 1)
	signal.Notify(interrupt, os.Interrupt)
	srv, err := start(bin, site)
	if err != nil {
		return err
	}
	defer srv.stop()
	go func() { // the stream ends, the edits stop and the article is restored
		<-interrupt
		srv.cmd.Process.Signal(syscall.SIGINT)
	}()
	events, err := openEvents(srv.base)
	if err != nil {
		return err
	}
	firstHWM, firstRSS := memory(srv.cmd.Process.Pid)
	defer func() { // put the article back and let the server see it
		if os.WriteFile(file, original, 0o644) == nil {
			next(events, "reload", 30*time.Second)
		}
	}()
	var took []time.Duration
	for i := 1; i <= edits; i++ {
		time.Sleep(settle)
		for len(events) > 0 { // nothing left over from the last rebuild
			<-events
		}
		text, _ := edit(i)
		start := time.Now()
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			return err
		}
		if err := next(events, "reload", 30*time.Second); err != nil {
			return fmt.Errorf("edit %d: %v\nserver output:\n%s", i, err, srv.output())
		}
		took = append(took, time.Since(start))
	}
	last := srv.lastRebuilt(1 + edits)
	hwm, rss := memory(srv.cmd.Process.Pid)
	slices.Sort(took)
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	fmt.Printf("%s: %d %s edits of %s\n", site, edits, kind, article)
	fmt.Printf("save-to-reload ms: median %.1f  p90 %.1f  min %.1f  max %.1f\n",
		ms(took[(len(took)-1)/2]), ms(took[(len(took)*9+9)/10-1]), ms(took[0]), ms(took[len(took)-1]))
	fmt.Printf("server memory MiB: after the first build VmHWM %.1f VmRSS %.1f; after the last edit VmHWM %.1f VmRSS %.1f\n",
		firstHWM, firstRSS, hwm, rss)
	fmt.Printf("server's last rebuild: %s\n", last)
	return nil
}

// articles lists the site's articles (content/*/*.md but _index.md),
// ordered by the number gensite ends their names with.
func articles(site string) []string {
	files, _ := filepath.Glob(filepath.Join(site, "content", "*", "*.md"))
	var rels []string
	for _, f := range files {
		if filepath.Base(f) != "_index.md" {
			rel, _ := filepath.Rel(site, f)
			rels = append(rels, filepath.ToSlash(rel))
		}
	}
	number := func(rel string) int {
		n, _ := strconv.Atoi(rel[strings.LastIndexByte(rel, '-')+1 : len(rel)-len(".md")])
		return n
	}
	slices.SortStableFunc(rels, func(a, b string) int { return number(a) - number(b) })
	return rels
}

// edited is the article's text after edit i (from 1), each edit
// different from the one before.
func edited(kind, text string, i int, vocab []string) (string, error) {
	if kind == "body" {
		return fmt.Sprintf("%s\nĐoạn sửa lần thứ %d.\n", text, i), nil
	}
	// title, date and tags: gensite writes each key on one line.
	at := regexp.MustCompile(`\A---\n(?:.*\n)*?` + kind + `: (.*)\n`).FindStringSubmatchIndex(text)
	if at == nil {
		return "", fmt.Errorf("no %s line in the front matter", kind)
	}
	v := text[at[2]:at[3]]
	switch kind {
	case "title":
		if t, err := strconv.Unquote(v); err == nil {
			v = t
		}
		v = strconv.Quote(fmt.Sprintf("%s (sửa lần %d)", v, i))
	case "date": // one day later, back every other edit
		date, err := time.Parse(time.RFC3339, v)
		if err != nil {
			return "", err
		}
		v = date.AddDate(0, 0, i%2).Format(time.RFC3339)
	case "tags": // the last tag becomes the i-th other tag of gensite's vocabulary
		var tags []string
		err := json.Unmarshal([]byte(v), &tags)
		others := slices.DeleteFunc(slices.Clone(vocab), func(t string) bool { return slices.Contains(tags, t) })
		if err != nil || len(tags) == 0 || len(others) == 0 {
			return "", fmt.Errorf("tags %s: want a quoted list (%v)", v, err)
		}
		tags[len(tags)-1] = others[(i-1)%len(others)]
		for j, t := range tags {
			tags[j] = strconv.Quote(t)
		}
		v = "[" + strings.Join(tags, ", ") + "]"
	}
	return text[:at[2]] + v + text[at[3]:], nil
}

// server is the running `almanac serve`, with what it printed.
type server struct {
	cmd            *exec.Cmd
	base           string        // http://127.0.0.1:port
	done           chan struct{} // closed when its output ended
	mu             sync.Mutex
	lines, rebuilt []string // every line, and the "pages rendered" ones
}

var servingLine = regexp.MustCompile(`^Serving the preview at (http://127\.0\.0\.1:\d+)/`)

// start runs the preview and returns once its first build is served.
func start(bin, site string) (*server, error) {
	s := &server{cmd: exec.Command(bin, "serve", "-s", site, "-p", "0", "--lang", "en"), done: make(chan struct{})}
	s.cmd.Stderr = os.Stderr
	out, err := s.cmd.StdoutPipe()
	if err == nil {
		err = s.cmd.Start()
	}
	if err != nil {
		return nil, err
	}
	base := make(chan string, 1)
	go func() {
		defer close(s.done)
		defer close(base)
		for sc := bufio.NewScanner(out); sc.Scan(); {
			s.mu.Lock()
			s.lines = append(s.lines, sc.Text())
			if strings.Contains(sc.Text(), " pages rendered, ") {
				s.rebuilt = append(s.rebuilt, sc.Text())
			}
			s.mu.Unlock()
			if m := servingLine.FindStringSubmatch(sc.Text()); m != nil {
				base <- m[1]
			}
		}
	}()
	var ok bool
	if s.base, ok = <-base; !ok {
		s.cmd.Wait()
		return nil, fmt.Errorf("the server stopped before serving:\n%s", s.output())
	}
	return s, nil
}

func (s *server) output() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Join(s.lines, "\n")
}

// lastRebuilt waits up to 5s for the server's n-th "pages rendered" line
// (printed just after the reload is sent) and returns the last one.
func (s *server) lastRebuilt(n int) string {
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		s.mu.Lock()
		lines := append([]string{"(none)"}, s.rebuilt...)
		s.mu.Unlock()
		if len(lines) > n || time.Now().After(deadline) {
			return lines[len(lines)-1]
		}
	}
}

func (s *server) stop() {
	s.cmd.Process.Signal(syscall.SIGINT)
	<-s.done
	s.cmd.Wait()
}

// openEvents connects to the event stream and returns the name of
// every event after "hello".
func openEvents(base string) (<-chan string, error) {
	resp, err := http.Get(base + "/_almanac/events")
	if err != nil {
		return nil, err
	}
	events := make(chan string, 1024)
	go func() {
		defer close(events)
		defer resp.Body.Close()
		name := ""
		for sc := bufio.NewScanner(resp.Body); sc.Scan(); {
			switch line := sc.Text(); {
			case line == "" && name != "":
				events <- name
				name = ""
			case strings.HasPrefix(line, "event: "):
				name = strings.TrimPrefix(line, "event: ")
			}
		}
	}()
	return events, next(events, "hello", 10*time.Second)
}

// next waits for the event want, skipping others but "errors".
func next(events <-chan string, want string, limit time.Duration) error {
	timeout := time.After(limit)
	for {
		select {
		case name, ok := <-events:
			switch {
			case !ok:
				return errors.New("the event stream ended")
			case name == want:
				return nil
			case name == "errors":
				return errors.New("the build failed")
			}
		case <-timeout:
			return fmt.Errorf("no %s event within %v", want, limit)
		}
	}
}

// memory returns VmHWM and VmRSS of a process, in MiB.
func memory(pid int) (hwm, rss float64) {
	b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	for line := range strings.Lines(string(b)) {
		var kb float64
		if _, err := fmt.Sscanf(line, "VmHWM: %f kB", &kb); err == nil {
			hwm = kb / 1024
		} else if _, err := fmt.Sscanf(line, "VmRSS: %f kB", &kb); err == nil {
			rss = kb / 1024
		}
	}
	return hwm, rss
}
