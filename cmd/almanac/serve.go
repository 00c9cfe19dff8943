package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/almanac-news/almanac/internal/build"
	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/messages"
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
	quiet   bool              // print only failed builds
	verbose bool              // also print each build's warnings
	ready   func(addr string) // called once serving, with the listener's address; tests use it
	settle  time.Duration     // how long the watcher waits for quiet before a rebuild; 0 for watch's default
	lang    messages.Language // the language of what it prints and of the overlay
}

// serveText is what almanac serve says.
type serveText struct {
	Short, Long, Example, Bind, Port, Write, Dest string
	Serving, Watch, Failed, Rebuilt, Writing      string
	FirstBuild, FullRebuild, AndMore              string
}

// serveMessages are what almanac serve says, in English and Vietnamese.
var serveMessages = localized[serveText]{en: serveText{
	Short: "Preview the site at http://127.0.0.1:1313/, rebuilding on every save",
	Long: `Serve builds the site in memory and serves it on http://127.0.0.1:1313/ (or --bind and
--port). Every save under content/, layouts/, assets/, data/ or to almanac.toml rebuilds what
changed and reloads the open pages; a mistake shows as a message over the page until it is
fixed. The preview serves the site at its root, whatever base_url says. Stop it with Ctrl-C.`,
	Example: `  almanac serve
  almanac serve -s my-site -p 0 --drafts     # any free port, drafts included
  almanac server --bind 0.0.0.0 --port 8080  # reachable from other machines
  almanac serve --write -d /tmp/site         # also write every good build`,
	Bind:  "`address` to listen on",
	Port:  "`port` to listen on; 0 picks a free one",
	Write: "also write every good build to --dest, as almanac build does",
	Dest:  "output `folder` for --write (default <source>/public; also --destination)",

	Serving:     "Serving the preview at http://%s/ (Ctrl-C to stop)\n",
	Watch:       "watch: %v\n",
	Failed:      "%s: %s\n%v\n",
	Rebuilt:     "%s: %d of %d pages rendered, %d files changed in %v\n",
	Writing:     "writing %s: %v\n",
	FirstBuild:  "build",
	FullRebuild: "full rebuild",
	AndMore:     "%s and %d more",
}, vi: serveText{
	Short: "Xem trước trang tại http://127.0.0.1:1313/, dựng lại mỗi lần lưu",
	Long: `Serve dựng trang trong bộ nhớ và phục vụ nó tại http://127.0.0.1:1313/ (hoặc --bind và
--port). Mỗi lần lưu trong content/, layouts/, assets/, data/ hay lưu almanac.toml, lệnh dựng
lại phần đã đổi và tải lại các trang đang mở; một lỗi hiện thành thông báo phủ lên trang cho
đến khi được sửa. Bản xem trước phục vụ trang ở gốc, dù base_url ghi gì. Dừng bằng Ctrl-C.`,
	Example: `  almanac serve
  almanac serve -s my-site -p 0 --drafts     # cổng trống bất kỳ, gồm cả bài nháp
  almanac server --bind 0.0.0.0 --port 8080  # máy khác cũng truy cập được
  almanac serve --write -d /tmp/site         # ghi thêm mỗi lần dựng tốt`,
	Bind:  "địa chỉ `ADDR` để lắng nghe",
	Port:  "cổng `PORT` để lắng nghe; 0 chọn một cổng trống",
	Write: "ghi thêm mỗi lần dựng tốt vào --dest, như almanac build",
	Dest:  "thư mục ra `DIR` cho --write (mặc định <source>/public; cũng là --destination)",

	Serving:     "Đang phục vụ bản xem trước tại http://%s/ (Ctrl-C để dừng)\n",
	Watch:       "theo dõi tệp: %v\n",
	Failed:      "%s: %s\n%v\n",
	Rebuilt:     "%s: dựng %d trên %d trang, %d tệp thay đổi trong %v\n",
	Writing:     "ghi %s: %v\n",
	FirstBuild:  "dựng trang",
	FullRebuild: "dựng lại toàn bộ",
	AndMore:     "%s và %d tệp khác",
}}

func init() { register(newServeCommand) }

func newServeCommand(c *cli) *cobra.Command {
	m := serveMessages.in(c.lang)
	cmd := &cobra.Command{
		Use:     "serve",
		Aliases: []string{"server"},
		Short:   m.Short,
		Long:    m.Long,
		Example: m.Example,
		Args:    c.noArgs,
	}
	f := &serveFlags{site: addSiteFlags(cmd.Flags(), c.lang)}
	cmd.Flags().StringVar(&f.bind, "bind", serve.DefaultBind, m.Bind)
	cmd.Flags().IntVarP(&f.port, "port", "p", serve.DefaultPort, m.Port)
	cmd.Flags().BoolVar(&f.write, "write", false, m.Write)
	cmd.Flags().StringVarP(&f.dest, "dest", "d", "", m.Dest)
	cmd.RunE = func(cmd *cobra.Command, _ []string) error { return c.runServe(cmd, f) }
	return cmd
}

// serveFlags are the flags of almanac serve.
type serveFlags struct {
	site       *siteFlags
	bind, dest string
	port       int
	write      bool
}

func (c *cli) runServe(cmd *cobra.Command, f *serveFlags) error {
	opts, root, err := f.site.open(cmd, c)
	if err != nil {
		return err
	}
	defer root.Close()
	p := &preview{source: f.site.source, opts: opts, out: c.stdout, quiet: c.quiet, verbose: c.verbose,
		lang: c.lang, server: serve.New(serve.Options{Bind: f.bind, Port: f.port, Lang: c.lang})}
	preview := p.opts
	preview.BaseURL = "/" // the preview serves the site at its root, whatever base_url says
	p.session = build.NewSession(preview)
	if f.write {
		p.write = f.dest
		if p.write == "" {
			p.write = filepath.Join(f.site.source, "public")
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := p.run(ctx); err != nil {
		return c.fail(cmd, "%s", localizedError(c.lang, err))
	}
	return nil
}

// run builds, serves and rebuilds on every batch of changes until ctx ends.
func (p *preview) run(ctx context.Context) error {
	l, err := p.server.Listen()
	if err != nil {
		return err
	}
	w, err := watch.New(watch.Options{Root: p.source, Dirs: []string{"content", "layouts", "assets", "data"}, Files: []string{"almanac.toml"},
		Debounce: p.settle})
	if err != nil {
		l.Close()
		return err
	}
	defer w.Close()
	p.rebuild(ctx, nil, true)
	fmt.Fprintf(p.out, serveMessages.in(p.lang).Serving, l.Addr())
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
			fmt.Fprintf(p.out, serveMessages.in(p.lang).Watch, err)
		}
	}
}

// rebuild runs one build, publishes or reports it, and prints one line.
func (p *preview) rebuild(ctx context.Context, changed []string, all bool) {
	m := serveMessages.in(p.lang)
	tree, change, res, err := p.session.Build(ctx, changed, all)
	what := p.describe(changed, all)
	if err != nil {
		problems := problemsOf(err)
		p.server.Fail(problems, p.sourceFile)
		fmt.Fprintf(p.out, m.Failed, what, messages.Count(p.lang, len(problems), "error"), problems.In(p.lang))
		return
	}
	p.server.Publish(tree, serve.Change{Paths: change.Paths, CSSOnly: change.CSSOnly, Moved: change.Moved, Warnings: res.Warnings})
	if !p.quiet {
		fmt.Fprintf(p.out, m.Rebuilt,
			what, change.Rendered, res.Pages, len(change.Paths), res.Duration.Round(time.Millisecond))
	}
	if p.verbose {
		for _, w := range res.Warnings {
			fmt.Fprintln(p.out, w.In(p.lang))
		}
	}
	if p.write != "" {
		opts := p.opts
		opts.Dest = p.write
		if _, err := build.Run(ctx, opts); err != nil {
			fmt.Fprintf(p.out, m.Writing, p.write, localizedError(p.lang, err))
		}
	}
}

// problemsOf returns the positioned problems of a failed build; another
// error becomes one problem about the site folder.
func problemsOf(err error) diag.Errors {
	var problems diag.Errors
	var one *diag.Problem
	switch {
	case errors.As(err, &problems):
		return problems
	case errors.As(err, &one):
		return diag.Errors{one}
	}
	return diag.Errors{diag.Errorf(diag.Pos{}, "%v", err)} // about the whole site: the overlay names no file
}

// sourceFile reads a site file for the error overlay's source lines.
func (p *preview) sourceFile(name string) []byte {
	b, err := os.ReadFile(filepath.Join(p.source, filepath.FromSlash(name)))
	if err != nil {
		return nil
	}
	return b
}

func (p *preview) describe(changed []string, all bool) string {
	m := serveMessages.in(p.lang)
	switch {
	case all && changed == nil:
		return m.FirstBuild
	case all:
		return m.FullRebuild
	case len(changed) == 1:
		return changed[0]
	case len(changed) <= 3:
		return strings.Join(changed, ", ")
	}
	return fmt.Sprintf(m.AndMore, changed[0], len(changed)-1)
}
