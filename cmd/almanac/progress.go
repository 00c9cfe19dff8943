package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/term"

	"github.com/almanac-news/almanac/internal/build"
	"github.com/almanac-news/almanac/internal/messages"
	"github.com/almanac-news/almanac/internal/report"
)

// progressText is how a long build tells how far it has got.
type progressText struct {
	Reading, Planning, Writing string
	Profile, NoProfile         string
}

// progressMessages are progressText in English and Vietnamese.
var progressMessages = localized[progressText]{en: progressText{
	Reading:   "%s: reading %d of %d files",
	Planning:  "%s: planning the pages, feeds and sitemaps",
	Writing:   "%s: writing %d of %d pages",
	Profile:   "write cpu.pprof, heap.pprof, heap-peak.pprof and memory.tsv into `folder`",
	NoProfile: "--profile: cannot write the profiles into %s: %v",
}, vi: progressText{
	Reading:   "%s: đọc %d trên %d tệp",
	Planning:  "%s: lập danh sách trang, nguồn tin và sitemap",
	Writing:   "%s: ghi %d trên %d trang",
	Profile:   "ghi cpu.pprof, heap.pprof, heap-peak.pprof và memory.tsv vào `DIR`",
	NoProfile: "--profile: không ghi được hồ sơ vào %s: %v",
}}

// progressTerminal is where progress shows, how soon and how often.
type progressTerminal struct {
	w            io.Writer
	after, every time.Duration
}

// terminalOf is the terminal progress shows on: standard error when it
// is one, and problems print as text, and not with --quiet.
func (c *cli) terminalOf(p *report.Printer) *progressTerminal {
	if c.quiet || p.Format != report.Text {
		return nil
	}
	if c.terminal != nil {
		return c.terminal
	}
	if f, ok := c.stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return &progressTerminal{w: f, after: time.Second, every: 200 * time.Millisecond}
	}
	return nil
}

// progress shows msg on the terminal while a long step runs, then, once
// the step has taken a second, how far prog has got, rewriting the line
// five times a second. It returns the function that stops and clears it.
// Off a terminal it shows nothing: the summary line says it all.
func (c *cli) progress(p *report.Printer, msg string, prog *build.Progress) (done func()) {
	t := c.terminalOf(p)
	if t == nil {
		return func() {}
	}
	fmt.Fprint(t.w, msg)
	stop, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		wait := time.NewTimer(t.after)
		defer wait.Stop()
		select {
		case <-stop:
			return
		case <-wait.C:
		}
		tick := time.NewTicker(t.every)
		defer tick.Stop()
		for {
			if line := progressLine(c.lang, msg, prog); line != "" {
				fmt.Fprint(t.w, "\r\x1b[K"+line)
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	return func() {
		close(stop)
		<-stopped
		fmt.Fprint(t.w, "\r\x1b[K")
	}
}

// progressLine says where prog is: "Building . …: writing 4213 of
// 16204 pages".
func progressLine(l messages.Language, msg string, prog *build.Progress) string {
	if prog == nil {
		return ""
	}
	m := progressMessages.in(l)
	phase, done, total := prog.Now()
	switch phase {
	case build.Reading:
		return fmt.Sprintf(m.Reading, msg, done, total)
	case build.Planning:
		return fmt.Sprintf(m.Planning, msg)
	case build.Writing:
		return fmt.Sprintf(m.Writing, msg, done, total)
	}
	return ""
}
