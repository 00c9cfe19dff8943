package echarts

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
)

// RegistryEnv names the environment variable that chooses the npm registry
// for Almanac alone. npm's own settings, NPMConfigEnvs, are honoured after
// it, so a machine already set up for a mirror needs nothing more.
const RegistryEnv = "ALMANAC_NPM_REGISTRY"

// NPMConfigEnvs are the environment variables npm reads its registry
// setting from, in the order they are tried.
var NPMConfigEnvs = []string{"npm_config_registry", "NPM_CONFIG_REGISTRY"}

// SiteRegistrySource names almanac.toml's key in messages about where the
// registry setting came from.
const SiteRegistrySource = "chart_registry in almanac.toml"

// npmjsHost is the host whose tarball URLs a mirror may pass on unchanged;
// as npm does (its replace-registry-host setting, "npmjs" by default),
// those are fetched from the configured registry instead.
const npmjsHost = "registry.npmjs.org"

// maxPackumentBytes bounds a registry's package document; echarts' is
// about 190 KB.
const maxPackumentBytes = 32 << 20

// resolveRegistry picks the registry: explicit, else the environment, else
// the site's setting, else DefaultRegistry. It returns the registry without
// a trailing slash and where it came from.
func resolveRegistry(explicit, site string) (registry, from string, err error) {
	type setting struct{ value, from string }
	candidates := []setting{{explicit, "--registry"}, {os.Getenv(RegistryEnv), RegistryEnv}}
	for _, name := range NPMConfigEnvs {
		candidates = append(candidates, setting{os.Getenv(name), name})
	}
	candidates = append(candidates, setting{site, SiteRegistrySource}, setting{DefaultRegistry, "the default"})
	for _, c := range candidates {
		if strings.TrimSpace(c.value) == "" {
			continue
		}
		registry, err := CheckRegistry(c.value)
		if err != nil {
			return "", "", fmt.Errorf("%s: %w", c.from, err)
		}
		return registry, c.from, nil
	}
	panic("unreachable: DefaultRegistry is set")
}

// CheckRegistry accepts an absolute http or https URL without query or
// fragment and returns it without its trailing slash.
func CheckRegistry(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	switch {
	case err != nil:
		return "", fmt.Errorf("registry %q is not a URL; write the registry's address, e.g. %s/", raw, DefaultRegistry)
	case u.Scheme != "http" && u.Scheme != "https" || u.Host == "":
		return "", fmt.Errorf("registry %q is not an http or https address; write the registry's address, e.g. %s/", raw, DefaultRegistry)
	case u.RawQuery != "" || u.Fragment != "" || u.User != nil:
		return "", fmt.Errorf("registry %q has a query, fragment or password; write only the registry's address", raw)
	}
	return strings.TrimRight(u.String(), "/"), nil
}

// packument is the part of a registry's package document Almanac reads.
type packument struct {
	Versions map[string]struct {
		Dist struct {
			Tarball   string `json:"tarball"`
			Integrity string `json:"integrity"`
		} `json:"dist"`
	} `json:"versions"`
}

// resolveTarball asks the registry where p's tarball is, as npm does: it
// reads the package document and takes dist.tarball, fetched from the
// configured registry when it names registry.npmjs.org. A document that
// advertises another integrity than the pinned one is refused before
// anything is downloaded.
func resolveTarball(ctx context.Context, opts Options, p npmPackage) (string, error) {
	doc, err := fetchPackument(ctx, opts, p)
	if err != nil {
		return "", &downloadError{pkg: p, err: err}
	}
	v, ok := doc.Versions[p.Version]
	if !ok {
		return "", &downloadError{pkg: p, err: fmt.Errorf("%s lists no version %s of %s", opts.Registry, p.Version, p.Name)}
	}
	tarball := v.Dist.Tarball
	if tarball == "" {
		tarball = tarballURL(opts.Registry, p)
	}
	resolved, err := rebaseTarball(opts.Registry, tarball)
	if err != nil {
		return "", &downloadError{pkg: p, err: err}
	}
	if v.Dist.Integrity != "" && v.Dist.Integrity != p.Integrity && strings.HasPrefix(v.Dist.Integrity, "sha512-") {
		return "", &IntegrityError{Package: p.String(), URL: resolved, Expected: p.Integrity, Actual: v.Dist.Integrity}
	}
	return resolved, nil
}

// fetchPackument gets p's package document in the abbreviated form npm
// installs from.
func fetchPackument(ctx context.Context, opts Options, p npmPackage) (*packument, error) {
	u := opts.Registry + "/" + strings.Replace(url.PathEscape(p.Name), "%40", "@", 1)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*")
	resp, err := opts.Client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	var doc packument
	dec := json.NewDecoder(io.LimitReader(resp.Body, maxPackumentBytes))
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("GET %s: not an npm package document: %w", u, err)
	}
	return &doc, nil
}

// rebaseTarball resolves a dist.tarball URL against the registry, and
// moves one on registry.npmjs.org to the registry: mirrors often serve
// npmjs' documents unchanged, and a machine that can only reach the mirror
// must download from it too. Unlike npm, which keeps only the host, the
// registry's path is kept, so that mirrors served below a path
// (https://nexus.example/repository/npm/) work.
func rebaseTarball(registry, tarball string) (string, error) {
	base, err := url.Parse(registry + "/")
	if err != nil {
		return "", err
	}
	u, err := base.Parse(tarball)
	if err != nil {
		return "", fmt.Errorf("tarball URL %q: %w", tarball, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", errors.New("tarball URL " + tarball + " is not an http or https address")
	}
	if u.Host == npmjsHost && base.Host != npmjsHost {
		rebased := *base
		rebased.Path = strings.TrimSuffix(base.Path, "/") + u.Path
		rebased.RawPath = ""
		return rebased.String(), nil
	}
	return u.String(), nil
}
