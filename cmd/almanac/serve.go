package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/almanac-news/almanac/internal/build"
	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/serve"
	"github.com/almanac-news/almanac/internal/watch"
)

// preview is a running `almanac serve`: a build session, the server that
// shows its last good tree and the watcher that triggers rebuilds.
type preview struct {
	source  string
	opts    build.Options // the site and what of it to build
	session *build.Session
	server  *serve.Server
	out     io.Writer
	write   string            // also write each good build to this folder; "" for none
	ready   func(addr string) // called once serving, with the listener's address; tests use it
}

func runServe(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("almanac serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	site := addSiteFlags(fl)
	bind := fl.String("bind", serve.DefaultBind, "`address` to listen on")
	port := fl.Int("port", serve.DefaultPort, "`port` to listen on; 0 picks a free one")
	write := fl.Bool("write", false, "also write every good build to --dest, as almanac build does")
	dest := fl.String("dest", "", "output `folder` for --write (default <source>/public)")
	opts, root, code := site.parse(fl, args, stderr)
	if root == nil {
		return code
	}
	defer root.Close()
	p := &preview{source: *site.source, opts: opts, out: stdout,
		server: serve.New(serve.Options{Bind: *bind, Port: *port})}
	preview := p.opts
	preview.BaseURL = "/" // the preview serves the site at its root, whatever base_url says
	p.session = build.NewSession(preview)
	if *write {
		p.write = *dest
		if p.write == "" {
			p.write = filepath.Join(*site.source, "public")
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := p.run(ctx); err != nil {
		fmt.Fprintf(stderr, "almanac serve: %v\n", err)
		return 1
	}
	return 0
}

// run builds, serves and rebuilds on every batch of changes until ctx ends.
func (p *preview) run(ctx context.Context) error {
	l, err := p.server.Listen()
	if err != nil {
		return err
	}
	w, err := watch.New(watch.Options{Root: p.source, Dirs: []string{"content", "layouts", "assets", "data"}, Files: []string{"almanac.toml"}})
	if err != nil {
		l.Close()
		return err
	}
	defer w.Close()
	p.rebuild(ctx, nil, true)
	fmt.Fprintf(p.out, "Serving the preview at http://%s/ (Ctrl-C to stop)\n", l.Addr())
	if p.ready != nil {
		p.ready(l.Addr().String())
	}
	served := make(chan error, 1)
	go func() { served <- p.server.Serve(l) }()
	for {
		select {
		case <-ctx.Done():
			shutdown, cancel := context.WithTimeout(context.Background(), 3*time.Second)
			defer cancel()
			return p.server.Shutdown(shutdown)
		case err := <-served:
			return err
		case b := <-w.Batches():
			p.rebuild(ctx, b.Paths, b.Rescan)
		case err := <-w.Errors():
			fmt.Fprintf(p.out, "watch: %v\n", err)
		}
	}
}

// rebuild runs one build, publishes or reports it, and prints one line.
func (p *preview) rebuild(ctx context.Context, changed []string, all bool) {
	tree, change, res, err := p.session.Build(ctx, changed, all)
	what := describe(changed, all)
	if err != nil {
		problems := problemsOf(err, p.source)
		p.server.Fail(problems, p.sourceFile)
		fmt.Fprintf(p.out, "%s: %s\n%v\n", what, diag.Count(len(problems), "error"), diag.Errors(problems))
		return
	}
	p.server.Publish(tree, serve.Change{Paths: change.Paths, CSSOnly: change.CSSOnly, Moved: change.Moved})
	fmt.Fprintf(p.out, "%s: %d of %d pages rendered, %d files changed in %v\n",
		what, change.Rendered, res.Pages, len(change.Paths), res.Duration.Round(time.Millisecond))
	if p.write != "" {
		opts := p.opts
		opts.Dest = p.write
		if _, err := build.Run(ctx, opts); err != nil {
			fmt.Fprintf(p.out, "writing %s: %v\n", p.write, err)
		}
	}
}

// problemsOf returns the positioned problems of a failed build; another
// error becomes one problem about the site folder.
func problemsOf(err error, source string) diag.Errors {
	var problems diag.Errors
	var one *diag.Problem
	switch {
	case errors.As(err, &problems):
		return problems
	case errors.As(err, &one):
		return diag.Errors{one}
	}
	return diag.Errors{diag.Errorf(diag.Pos{File: source}, "%v", err)}
}

// sourceFile reads a site file for the error overlay's source lines.
func (p *preview) sourceFile(name string) []byte {
	b, err := os.ReadFile(filepath.Join(p.source, filepath.FromSlash(name)))
	if err != nil {
		return nil
	}
	return b
}

func describe(changed []string, all bool) string {
	switch {
	case all && changed == nil:
		return "build"
	case all:
		return "full rebuild"
	case len(changed) == 1:
		return changed[0]
	case len(changed) <= 3:
		return strings.Join(changed, ", ")
	}
	return fmt.Sprintf("%s and %d more", changed[0], len(changed)-1)
}
