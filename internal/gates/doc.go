// Package gates holds Almanac's quality gates: tests, and no code of their
// own, that every page of the example site (the repository root) and of
// the English test site (internal/build/testdata/english.txtar) must pass
// before a change is merged.
//
// The tests build both sites once with internal/build and serve them on
// loopback with net/http/httptest. Then:
//
//   - every HTML page opens in headless Chromium, driven over the DevTools
//     protocol by github.com/chromedp/chromedp, with no console error, no
//     uncaught exception and no failed request; chart pages wait for every
//     chart to be drawn;
//   - every page passes an axe-core accessibility audit, in light and in
//     dark colours, with no serious or critical violation;
//   - every HTML file passes the Nu HTML Checker (vnu.jar, run with Java)
//     with no error.
//
// axe-core and vnu-jar are npm packages pinned by version and sha512
// integrity. The first run downloads their tarballs from
// https://registry.npmjs.org, checks them against the pinned integrity and
// keeps them in $ALMANAC_CACHE/npm, else os.UserCacheDir()/almanac/npm;
// later runs check the cached tarballs again and work offline.
//
// The browser is Debian's /usr/bin/chromium, or the program named by the
// CHROMIUM environment variable; Java is the java on PATH. When the
// browser, Java or a tool is missing (the registry unreachable and nothing
// cached) the gate skips, unless ALMANAC_REQUIRE_BROWSER=1 (set in CI),
// which makes it a failure.
package gates
