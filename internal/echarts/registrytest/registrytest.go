// Package registrytest runs a small npm registry on loopback for tests: it
// serves package documents (the abbreviated form npm installs from) and
// tarballs at npm's paths, and records every request.
package registrytest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// Registry is a running fake registry.
type Registry struct {
	URL string // http://127.0.0.1:port, without a trailing slash
	// TarballBase starts the documents' dist.tarball URLs: URL unless a
	// test sets it, for instance to https://registry.npmjs.org as a mirror
	// copying npmjs' documents would.
	TarballBase string

	srv      *httptest.Server
	mu       sync.Mutex
	tarballs map[string][]byte              // URL path → tarball
	docs     map[string]map[string]distInfo // package name → version → dist
	requests atomic.Int64
	paths    sync.Map // URL path → true, for every request
}

// distInfo is a version's dist object in a package document.
type distInfo struct {
	Tarball   string `json:"tarball"`
	Integrity string `json:"integrity"`
}

// Start runs a registry until the test ends.
func Start(t testing.TB) *Registry {
	t.Helper()
	reg := &Registry{tarballs: map[string][]byte{}, docs: map[string]map[string]distInfo{}}
	reg.srv = httptest.NewServer(http.HandlerFunc(reg.serve))
	reg.URL, reg.TarballBase = reg.srv.URL, reg.srv.URL
	t.Cleanup(reg.srv.Close)
	return reg
}

// Close stops the registry, so that it refuses connections.
func (reg *Registry) Close() { reg.srv.Close() }

func (reg *Registry) serve(w http.ResponseWriter, r *http.Request) {
	reg.requests.Add(1)
	reg.paths.Store(r.URL.Path, true)
	reg.mu.Lock()
	versions, isDoc := reg.docs[strings.TrimPrefix(r.URL.Path, "/")]
	data, isTarball := reg.tarballs[r.URL.Path]
	doc := map[string]any{}
	for v, dist := range versions {
		dist.Tarball = reg.TarballBase + dist.Tarball
		doc[v] = map[string]any{"dist": dist}
	}
	reg.mu.Unlock()
	switch {
	case isDoc:
		w.Header().Set("Content-Type", "application/vnd.npm.install-v1+json")
		json.NewEncoder(w).Encode(map[string]any{"versions": doc})
	case isTarball:
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write(data)
	default:
		http.NotFound(w, r)
	}
}

// Publish serves tarball as name@version, listed in name's package
// document with integrity (an npm sha512-… integrity).
func (reg *Registry) Publish(name, version, integrity string, tarball []byte) {
	path := "/" + name + "/-/" + name + "-" + version + ".tgz"
	reg.mu.Lock()
	defer reg.mu.Unlock()
	reg.tarballs[path] = tarball
	if reg.docs[name] == nil {
		reg.docs[name] = map[string]distInfo{}
	}
	reg.docs[name][version] = distInfo{Tarball: path, Integrity: integrity}
}

// Requests counts the requests so far.
func (reg *Registry) Requests() int64 { return reg.requests.Load() }

// Requested reports whether the registry was asked for path.
func (reg *Registry) Requested(path string) bool {
	_, ok := reg.paths.Load(path)
	return ok
}

// Client is an HTTP client that reaches the registry only: a request for
// any other host, such as registry.npmjs.org, fails.
func (reg *Registry) Client() *http.Client {
	inner := reg.srv.Client().Transport
	host := strings.TrimPrefix(reg.srv.URL, "http://")
	return &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		if r.URL.Host != host {
			return nil, fmt.Errorf("the test's client reaches only %s, not %s", host, r.URL.Host)
		}
		return inner.RoundTrip(r)
	})}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
