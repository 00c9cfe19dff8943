// Package browser holds Almanac's end-to-end tests in a real browser. It
// has no code of its own: its tests build sites with internal/build, serve
// them on loopback with net/http/httptest, and open the pages in headless
// Chromium driven over the DevTools protocol by github.com/chromedp/chromedp.
//
// The tests check what only a browser can show: that every chart of an
// article is drawn with real marks and its data table folded away, that
// the tables and KPI cards stand on their own with JavaScript off, that
// hostile text in figures and charts never runs as script (no dialog, no
// injected element, the text shown literally, tooltips included), that a
// chart page's JavaScript stays within its 250 KB gzipped budget and comes
// from the site's own host, and that charts read in dark mode.
//
// The browser is Debian's /usr/bin/chromium, or the program named by the
// CHROMIUM environment variable; nothing is downloaded. Without it the
// browser tests skip, unless ALMANAC_REQUIRE_BROWSER=1 (set in CI), which
// makes a missing browser a failure. One browser serves the whole test
// binary; each test opens its own tab with a time limit.
package browser
