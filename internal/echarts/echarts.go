// Package echarts supplies the ECharts JavaScript that chart pages load.
//
// The site serves ECharts itself rather than pointing readers at a CDN, and
// the minified third-party code is not committed to the repository. Instead
// Bundle downloads pinned versions of echarts and of the packages its ES
// modules import (zrender, tslib) from the npm registry, checks each tarball
// against its pinned sha512 integrity before unpacking it, and bundles only
// the charts and components Almanac uses with esbuild. That keeps a chart
// page well under its 250 KB (gzipped) JavaScript budget, where the full
// echarts.min.js alone is about 370 KB.
//
// Everything is cached on disk (see Options.CacheDir):
//
//	<CacheDir>/npm/<name>@<version>/package/      unpacked, verified tarball
//	<CacheDir>/npm/<name>@<version>/integrity     the integrity it was verified against
//	<CacheDir>/echarts/echarts-<version>-<key>.min.js         the bundle
//	<CacheDir>/echarts/echarts-<version>-<key>.min.js.sha256  its digest (sha256sum format)
//
// so only the first build on a machine needs the network, and a later Bundle
// call only reads and verifies one file. Every cache entry is written to a
// temporary name and renamed into place, so a killed build never leaves a
// half-written package or bundle, and two builds running at once cannot
// corrupt the cache.
package echarts

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

// The pinned packages. Integrity values are the dist.integrity fields the npm
// registry publishes for each version (https://registry.npmjs.org/<name>);
// zrender and tslib are pinned to the exact versions echarts' package.json
// depends on.
const (
	// Version is the pinned ECharts version.
	Version = "6.1.0"
	// Integrity is the npm dist.integrity of echarts-<Version>.tgz.
	Integrity = "sha512-q0yaFPggC9FUdsWH4blavRWFmxdrIodbkoKNAjJudAI6CA9gNPxHtV2RcZNEepZVlk4yvBYkOkbk6HIVpIyHZA=="

	// ZRenderVersion is the zrender version echarts <Version> depends on.
	ZRenderVersion = "6.1.0"
	// ZRenderIntegrity is the npm dist.integrity of zrender-<ZRenderVersion>.tgz.
	ZRenderIntegrity = "sha512-oEGMDB6pOP2S6OwRR4PdVv610zrjnA3Bh+JnSG12fYJlBKjtNAoEb5fSUoCOOINlH96I2fU38/A2UpRKs67xYQ=="

	// TSLibVersion is the tslib version echarts <Version> depends on.
	TSLibVersion = "2.3.0"
	// TSLibIntegrity is the npm dist.integrity of tslib-<TSLibVersion>.tgz.
	TSLibIntegrity = "sha512-N82ooyxVNm6h1riLCoyS9e3fuJ3AMG2zIZs2Gd1ATcSFjSA23Q0fzjjZeh0jbJvWVDZ0cJT8yaNNaaXHzueNjg=="
)

// DefaultRegistry is the npm registry Bundle downloads from unless
// Options.Registry says otherwise.
const DefaultRegistry = "https://registry.npmjs.org"

// CacheEnv names the environment variable that overrides the default cache
// directory.
const CacheEnv = "ALMANAC_CACHE"

// When Options.Client is nil, a connection to the registry must be made
// within connectTimeout (a firewall that drops packets fails fast), the
// registry must start answering within responseTimeout, and a whole
// download (echarts is about 12 MB) must finish within downloadTimeout,
// which leaves room for slow connections.
const (
	connectTimeout  = 10 * time.Second
	responseTimeout = 30 * time.Second
	downloadTimeout = 10 * time.Minute
)

// Options configure Bundle. The zero value is ready to use.
type Options struct {
	CacheDir string // default: $ALMANAC_CACHE, else os.UserCacheDir()/almanac
	// Registry is the npm registry to download from, as a command-line
	// flag would give it. When empty, the first set of
	// $ALMANAC_NPM_REGISTRY, $npm_config_registry, $NPM_CONFIG_REGISTRY
	// and SiteRegistry is used, else DefaultRegistry.
	Registry string
	// SiteRegistry is the site's chart_registry from almanac.toml; the
	// environment overrides it, so that a machine behind a firewall can
	// use its mirror without editing the site.
	SiteRegistry string
	Client       *http.Client // default: 10 s to connect, 30 s for the registry to answer, 10 min per download
	Offline      bool         // never fetch; use the cache only
	// Log receives one line when a download starts, and on a terminal a
	// progress line while it runs. nil means os.Stderr; io.Discard
	// silences it.
	Log io.Writer

	registryFrom string // where Registry came from, for messages
}

// Bundle returns the minified ECharts bundle: an IIFE that sets
// window.echarts to the ECharts core API (init, getInstanceByDom, use, …)
// with the bar, line and pie charts, the title, tooltip, grid, legend, aria,
// markLine and dataset components and the SVG renderer registered.
//
// The first call on a machine downloads and verifies the pinned packages and
// runs esbuild; later calls read the cached bundle, checked against its
// stored sha256, without touching the network or esbuild. The output is
// byte-for-byte the same for the same pinned versions.
func Bundle(ctx context.Context, opts Options) ([]byte, error) {
	resolved, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	return bundlePackages(ctx, resolved, pinnedPackages())
}

// withDefaults fills in the zero fields of opts.
func (opts Options) withDefaults() (Options, error) {
	if opts.CacheDir == "" {
		dir, err := defaultCacheDir()
		if err != nil {
			return opts, err
		}
		opts.CacheDir = dir
	}
	abs, err := filepath.Abs(opts.CacheDir)
	if err != nil {
		return opts, fmt.Errorf("cache directory %q: %w", opts.CacheDir, err)
	}
	opts.CacheDir = abs
	if opts.Registry, opts.registryFrom, err = resolveRegistry(opts.Registry, opts.SiteRegistry); err != nil {
		return opts, err
	}
	if opts.Client == nil {
		opts.Client = defaultClient()
	}
	if opts.Log == nil {
		opts.Log = os.Stderr
	}
	return opts, nil
}

// defaultClient is an HTTP client with the proxy settings of the
// environment and the timeouts above.
func defaultClient() *http.Client {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	dialer := &net.Dialer{Timeout: connectTimeout, KeepAlive: 30 * time.Second}
	transport.DialContext = dialer.DialContext
	transport.ResponseHeaderTimeout = responseTimeout
	return &http.Client{Transport: transport, Timeout: downloadTimeout}
}

// defaultCacheDir is $ALMANAC_CACHE, else the user cache directory.
func defaultCacheDir() (string, error) {
	if dir := os.Getenv(CacheEnv); dir != "" {
		return dir, nil
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("cannot find a cache directory for ECharts (%w); set %s to a writable directory", err, CacheEnv)
	}
	return filepath.Join(base, "almanac"), nil
}

// UnavailableError reports that the pinned packages are neither cached nor
// downloadable, for example on a first build without a network connection.
type UnavailableError struct {
	Version      string // the ECharts version charts need
	CacheDir     string
	Registry     string
	RegistryFrom string // the setting Registry came from, such as ALMANAC_NPM_REGISTRY
	Err          error  // why downloading was impossible
}

func (e *UnavailableError) Error() string {
	return fmt.Sprintf("charts need ECharts %s, which is neither in the cache (%s) nor downloadable from %s%s: %v; "+
		"connect to the internet once and build again, set %s to an npm registry this machine can reach, "+
		"or copy a cache from another machine (%s)",
		e.Version, e.CacheDir, e.Registry, e.registrySource(), e.Err, RegistryEnv, CacheEnv)
}

// registrySource says where the registry setting came from, unless it is
// the default.
func (e *UnavailableError) registrySource() string {
	if e.RegistryFrom == "" || e.Registry == DefaultRegistry && e.RegistryFrom == "the default" {
		return ""
	}
	return " (set by " + e.RegistryFrom + ")"
}

func (e *UnavailableError) Unwrap() error { return e.Err }

// CacheError reports a cache directory Almanac cannot write to.
type CacheError struct {
	Dir string // the cache directory
	Err error
}

func (e *CacheError) Error() string {
	return fmt.Sprintf("cannot write to the chart library cache %s: %v; set %s to a writable directory",
		e.Dir, e.Err, CacheEnv)
}

func (e *CacheError) Unwrap() error { return e.Err }

// IntegrityError reports a downloaded tarball whose sha512 differs from the
// pinned integrity. Nothing from such a tarball is ever unpacked.
type IntegrityError struct {
	Package  string // name@version
	URL      string
	Expected string // the pinned sha512-… integrity
	Actual   string // the integrity of what was downloaded
}

func (e *IntegrityError) Error() string {
	return fmt.Sprintf("npm package %s downloaded from %s does not match its pinned integrity: expected %s, got %s; "+
		"nothing was unpacked. The download was corrupted or the registry (or a proxy in between) served a different file: "+
		"build again, and if this persists check the registry setting and any proxy, or copy a verified cache from another machine (%s)",
		e.Package, e.URL, e.Expected, e.Actual, CacheEnv)
}

// errOffline is the cause given when Options.Offline forbids downloading.
func errOffline() error {
	return errors.New("offline mode forbids downloading")
}
