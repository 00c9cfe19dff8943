package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/almanac-news/almanac"
)

// cachedBuild is almanac build with its page cache at cache.
func cachedBuild(t *testing.T, dir, cache string, now time.Time) *Result {
	t.Helper()
	res, err := Run(context.Background(), Options{Site: os.DirFS(dir), Theme: almanac.Theme(), Dest: filepath.Join(dir, "public"),
		Now: now, Cache: cache})
	if err != nil {
		t.Fatal(err)
	}
	if res.CacheErr != nil {
		t.Fatalf("the cache was not used: %v", res.CacheErr)
	}
	return res
}

// compareWithColdBuild checks that the folder got holds exactly what a
// build of dir without a cache writes.
func compareWithColdBuild(t *testing.T, dir, got, step string, now time.Time) {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := Run(context.Background(), Options{Site: os.DirFS(dir), Theme: almanac.Theme(), Dest: dest, Now: now}); err != nil {
		t.Fatalf("%s: cold build: %v", step, err)
	}
	have := tree(t, got)
	compareOutputs(t, step, tree(t, dest), slices.Collect(maps.Keys(have)), func(name string) ([]byte, bool) {
		b, ok := have[name]
		return b, ok
	})
}

// TestCachedBuildsEqualColdBuilds makes random edits of every kind the
// preview's test makes (bodies, titles, dates, new, deleted and moved
// articles, templates, stylesheets, almanac.toml, bundle files, pictures)
// and checks after each that almanac build with its cache writes the same
// bytes as a build without one.
func TestCachedBuildsEqualColdBuilds(t *testing.T) {
	for seed := range uint64(4) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			dir, cache := extract(t, "basic.txtar"), t.TempDir()
			writeFile(t, dir, "layouts/partials/footer.html", "<footer>{{.Site.Config.Title}}</footer>")
			first := cachedBuild(t, dir, cache, buildTime)
			if first.Cached != 0 {
				t.Errorf("a first build took %d pages from an empty cache", first.Cached)
			}
			again := cachedBuild(t, dir, cache, buildTime)
			if again.Cached != again.Pages {
				t.Errorf("a build with nothing changed took %d of %d pages from the cache", again.Cached, again.Pages)
			}
			compareWithColdBuild(t, dir, filepath.Join(dir, "public"), "nothing changed", buildTime)
			r := rand.New(rand.NewPCG(seed, 2027))
			for n := range 12 {
				i := r.IntN(len(edits))
				changed := slices.DeleteFunc(edits[i](t, dir, r, n), func(s string) bool { return s == "" })
				res := cachedBuild(t, dir, cache, buildTime)
				t.Logf("edit %d on %v: %d of %d pages from the cache", i, changed, res.Cached, res.Pages)
				compareWithColdBuild(t, dir, filepath.Join(dir, "public"), fmt.Sprintf("step %d (edit %d on %v)", n, i, changed), buildTime)
			}
		})
	}
}

// TestCachedBuildRendersOnlyWhatChanged edits one article of a generated
// archive in each way journalists do and checks that the next build
// renders only the pages that show it, and writes what a cold build does.
func TestCachedBuildRendersOnlyWhatChanged(t *testing.T) {
	dir, cache := t.TempDir(), t.TempDir()
	writeGeneratedSite(t, dir, 200)
	cachedBuild(t, dir, cache, generatedNow)
	r := rand.New(rand.NewPCG(3, 200))
	for n, e := range archiveEdits {
		name := pick(t, dir, r, "content/*/*-*.md")
		before, err := os.ReadFile(filepath.Join(dir, name))
		must(t, err)
		if e.edit(t, dir, name, r, n); e.name != "section" {
			if after, err := os.ReadFile(filepath.Join(dir, name)); err == nil && bytes.Equal(after, before) {
				writeFile(t, dir, name, string(before)+"\nThêm một câu.\n") // the edit changed nothing: a year drawn again
			}
		}
		res := cachedBuild(t, dir, cache, generatedNow)
		rendered := res.Pages - res.Cached
		t.Logf("%s of %s: %d of %d pages rendered, %d bodies from the cache", e.name, name, rendered, res.Pages, res.CachedBodies)
		if res.CachedBodies < 190 {
			t.Errorf("%s of %s: %d bodies of 200 articles came from the cache", e.name, name, res.CachedBodies)
		}
		if rendered == 0 || rendered > res.Pages/4 {
			t.Errorf("%s of %s: %d of %d pages rendered", e.name, name, rendered, res.Pages)
		}
		compareWithColdBuild(t, dir, filepath.Join(dir, "public"), e.name+" of "+name, generatedNow)
	}
}

// TestFailedBuildKeepsTheCache: a build that fails for an error of the
// site leaves the cache as it was, and the build after the fix takes
// the unchanged pages from it.
func TestFailedBuildKeepsTheCache(t *testing.T) {
	dir, cache := extract(t, "basic.txtar"), t.TempDir()
	good := cachedBuild(t, dir, cache, buildTime)
	name := pick(t, dir, rand.New(rand.NewPCG(1, 1)), "content/cong-thuong/*.md")
	src, err := os.ReadFile(filepath.Join(dir, name))
	must(t, err)
	writeFile(t, dir, name, strings.Replace(string(src), "date: ", "date: 2020-13-45 #", 1))
	if _, err := Run(context.Background(), Options{Site: os.DirFS(dir), Theme: almanac.Theme(), Dest: filepath.Join(dir, "public"),
		Now: buildTime, Cache: cache}); err == nil {
		t.Fatal("a build with a bad date succeeded")
	}
	writeFile(t, dir, name, string(src))
	if res := cachedBuild(t, dir, cache, buildTime); res.Cached != good.Pages {
		t.Errorf("after the fix, %d of %d pages came from the cache", res.Cached, good.Pages)
	}
}

// TestUnusableCacheStillBuilds: a cache folder that cannot be made (a
// file is in the way) or whose pages cannot be linked is no failure:
// every page is rendered, and the result says why.
func TestUnusableCacheStillBuilds(t *testing.T) {
	dir := extract(t, "basic.txtar")
	cache := filepath.Join(t.TempDir(), "cache")
	writeFile(t, filepath.Dir(cache), "cache", "not a folder")
	for range 2 {
		res, err := Run(context.Background(), Options{Site: os.DirFS(dir), Theme: almanac.Theme(), Dest: filepath.Join(dir, "public"),
			Now: buildTime, Cache: cache})
		must(t, err)
		if res.CacheErr == nil || !strings.Contains(res.CacheErr.Error(), "the build cache cannot be used") || res.Cached != 0 {
			t.Errorf("cache in the way of a file: %d pages cached, error %v", res.Cached, res.CacheErr)
		}
	}
	compareWithColdBuild(t, dir, filepath.Join(dir, "public"), "unusable cache", buildTime)
}

// TestFreshEmptiesTheCache: Options.Fresh renders every page, even one
// whose cached copy was damaged, and the cache holds the new pages after it.
func TestFreshEmptiesTheCache(t *testing.T) {
	dir, cache := extract(t, "basic.txtar"), t.TempDir()
	cachedBuild(t, dir, cache, buildTime)
	damaged, err := filepath.Glob(filepath.Join(cache, "pages", "*", "*"))
	must(t, err)
	if len(damaged) == 0 {
		t.Fatal("the cache holds no page")
	}
	for _, name := range damaged {
		must(t, os.Remove(name)) // the page itself is a link to the same file
		writeFile(t, filepath.Dir(name), filepath.Base(name), "damaged")
	}
	res, err := Run(context.Background(), Options{Site: os.DirFS(dir), Theme: almanac.Theme(), Dest: filepath.Join(dir, "public"),
		Now: buildTime, Cache: cache, Fresh: true})
	must(t, err)
	if res.Cached != 0 {
		t.Errorf("a fresh build took %d pages from the cache", res.Cached)
	}
	compareWithColdBuild(t, dir, filepath.Join(dir, "public"), "fresh build", buildTime)
	if res := cachedBuild(t, dir, cache, buildTime); res.Cached != res.Pages {
		t.Errorf("after a fresh build, %d of %d pages came from the cache", res.Cached, res.Pages)
	}
}

// TestCacheHoldsOneSite: each build removes from the cache what it did
// not use, so that the cache of an archive whose articles come and go
// holds one site's pages and bodies.
func TestCacheHoldsOneSite(t *testing.T) {
	dir, cache := t.TempDir(), t.TempDir()
	writeGeneratedSite(t, dir, 60)
	cachedBuild(t, dir, cache, generatedNow)
	r := rand.New(rand.NewPCG(5, 60))
	for range 5 {
		must(t, os.Remove(filepath.Join(dir, pick(t, dir, r, "content/*/*-*.md"))))
	}
	cachedBuild(t, dir, cache, generatedNow)
	res := cachedBuild(t, dir, cache, generatedNow)
	count := func(kind string) int {
		names, err := filepath.Glob(filepath.Join(cache, kind, "*", "*"))
		must(t, err)
		return len(names)
	}
	if n := count("pages"); n != res.Pages {
		t.Errorf("the cache holds %d pages, the site has %d", n, res.Pages)
	}
	if n := count("bodies"); n != res.CachedBodies {
		t.Errorf("the cache holds %d bodies, the build read %d", n, res.CachedBodies)
	}
}

// TestPageEditedInPlaceIsRenderedAgain: a page of public/ rewritten in
// place is also its cached copy (the same file); the next build sees
// that its stamp changed, renders it again, and writes what a cold
// build does.
func TestPageEditedInPlaceIsRenderedAgain(t *testing.T) {
	dir, cache := extract(t, "basic.txtar"), t.TempDir()
	cachedBuild(t, dir, cache, buildTime)
	home := filepath.Join(dir, "public", "index.html")
	time.Sleep(10 * time.Millisecond) // past the file system clock's tick
	f, err := os.OpenFile(home, os.O_WRONLY|os.O_TRUNC, 0)
	must(t, err)
	_, err = f.WriteString("<p>sửa tay</p>")
	must(t, errors.Join(err, f.Close()))
	res := cachedBuild(t, dir, cache, buildTime)
	if res.Cached != res.Pages-1 {
		t.Errorf("%d of %d pages came from the cache; all but the page edited in place should have", res.Cached, res.Pages)
	}
	compareWithColdBuild(t, dir, filepath.Join(dir, "public"), "page edited in place", buildTime)
	if res := cachedBuild(t, dir, cache, buildTime); res.Cached != res.Pages {
		t.Errorf("the build after: %d of %d pages came from the cache", res.Cached, res.Pages)
	}
}
