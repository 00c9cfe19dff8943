package serve

import (
	"testing"
	"time"

	"github.com/almanac-news/almanac/internal/diag"
)

// chartsWarning is a site-level warning as a build without the chart
// library gives it.
func chartsWarning() *diag.Problem {
	return diag.Warnf(diag.Pos{File: "almanac.toml"}, "charts are shown as data tables").WithHint("set ALMANAC_NPM_REGISTRY")
}

func TestFailBeforeAnyBuildSaysSo(t *testing.T) {
	r := startNew(t)
	s := r.openStream(t)
	s.expect(t, "hello")
	r.Fail([]*diag.Problem{diag.Errorf(diag.Pos{File: "."}, "cannot write to the chart library cache")}, nil)
	got := decode[errorsEvent](t, s.expect(t, "errors"))
	if got.Built {
		t.Error("errors before any good build say one is served")
	}
	if p := got.Problems[0]; !p.Site || p.File != "" || p.Position != "" || p.Message != "cannot write to the chart library cache" {
		t.Errorf("a problem about the site folder: %+v; want it site-level, with no file", p)
	}
	r.Publish(site(), Change{})
	s.expect(t, "clear")
	s.expect(t, "reload")
	r.Fail(failingBuild())
	if got := decode[errorsEvent](t, s.expect(t, "errors")); !got.Built {
		t.Error("errors after a good build do not say it is served")
	}
}

func TestWarningsAreSentAndKept(t *testing.T) {
	r := startNew(t)
	r.Publish(site(), Change{})
	s := r.openStream(t)
	s.expect(t, "hello")
	r.Publish(site(), Change{Paths: []string{"index.html"}, Warnings: []*diag.Problem{chartsWarning()}})
	got := decode[errorsEvent](t, s.expect(t, "warnings"))
	if len(got.Problems) != 1 || got.Problems[0].Position != "almanac.toml" || !got.Problems[0].Warning {
		t.Errorf("warnings = %+v", got)
	}
	s.expect(t, "reload")
	// A page opened (or reloaded) now gets them at once.
	fresh := r.openStream(t)
	fresh.expect(t, "hello")
	if got := decode[errorsEvent](t, fresh.expect(t, "warnings")); len(got.Problems) != 1 {
		t.Errorf("warnings for a new client: %+v", got)
	}
	// A build without warnings hides them, once.
	r.Publish(site(), Change{})
	if got := decode[errorsEvent](t, s.expect(t, "warnings")); len(got.Problems) != 0 {
		t.Errorf("warnings after a clean build: %+v", got)
	}
	r.Publish(site(), Change{})
	s.quiet(t, 100*time.Millisecond)
	last := r.openStream(t)
	last.expect(t, "hello")
	last.quiet(t, 100*time.Millisecond)
}

// TestBrowserOverlayBeforeFirstBuild: the first build fails with a
// site-level problem; the overlay neither names a file nor mentions a
// last good build.
func TestBrowserOverlayBeforeFirstBuild(t *testing.T) {
	ctx, _ := tab(t) // the "building" page is a 503, which the page logs
	r := startNew(t)
	r.open(t, ctx, "/", 1)
	r.Fail([]*diag.Problem{diag.Errorf(diag.Pos{File: "."}, "cannot write to the chart library cache")}, nil)
	waitFor(t, ctx, `document.getElementById("almanac-errors") !== null`, 5*time.Second)
	checks := map[string]string{
		"no good build":  `document.querySelector("#almanac-errors .almanac-intro").textContent.startsWith("No build has succeeded yet, so there is no page to show.")`,
		"whole site":     `document.querySelector("#almanac-errors .almanac-position").textContent === "Whole site"`,
		"no last build":  `!document.getElementById("almanac-errors").textContent.includes("last good build")`,
		"no dot as file": `!/(^|\s)\.(:|\s|$)/.test(document.querySelector("#almanac-errors .almanac-position").textContent)`,
	}
	for name, expr := range checks {
		if !evaluate[bool](t, ctx, expr) {
			t.Errorf("%s: %s is false", name, expr)
		}
	}
}

// TestBrowserShowsWarningsBesideThePage: a good build's warnings show in a
// panel that leaves the page usable, and go with the next clean build.
func TestBrowserShowsWarningsBesideThePage(t *testing.T) {
	ctx, clean := tab(t)
	r := startNew(t)
	r.Publish(browserSite("assets/css/main.aaaa.css", "red"), Change{Warnings: []*diag.Problem{chartsWarning()}})
	r.open(t, ctx, "/", 1)
	waitFor(t, ctx, `document.getElementById("almanac-warnings") !== null`, 5*time.Second)
	checks := map[string]string{
		"status role":   `document.getElementById("almanac-warnings").getAttribute("role") === "status"`,
		"says it built": `document.getElementById("almanac-warnings").textContent.startsWith("The site built, with 1 warning.")`,
		"position":      `document.querySelector("#almanac-warnings .almanac-position").textContent === "almanac.toml: warning"`,
		"message":       `document.querySelector("#almanac-warnings .almanac-message").textContent === "charts are shown as data tables"`,
		"no overlay":    `document.getElementById("almanac-errors") === null`,
		"page visible":  `document.elementFromPoint(innerWidth / 2, 10).closest("#almanac-warnings") === null`,
	}
	for name, expr := range checks {
		if !evaluate[bool](t, ctx, expr) {
			t.Errorf("%s: %s is false", name, expr)
		}
	}
	r.Publish(browserSite("assets/css/main.aaaa.css", "red"), Change{})
	waitFor(t, ctx, `document.getElementById("almanac-warnings") === null`, 5*time.Second)
	clean()
}
