package config

import (
	"io/fs"
	"net/url"
	"path"
	"strings"

	"github.com/almanac-news/almanac/internal/diag"
)

// checkChartRegistry accepts "" (the environment or the default decides)
// or an absolute http or https URL without query, fragment or password, and
// returns it without its trailing slash.
func checkChartRegistry(raw string) (string, *diag.Problem) {
	if raw == "" {
		return "", nil
	}
	const example = `write the npm registry's address, e.g. chart_registry = "https://registry.npmjs.org/", or remove the line`
	u, err := url.Parse(raw)
	switch {
	case err != nil || strings.TrimSpace(raw) != raw:
		return "", problem("chart_registry %q is not a URL", raw).WithHint(example)
	case u.Scheme != "http" && u.Scheme != "https" || u.Host == "":
		return "", problem("chart_registry %q is not an http or https address", raw).WithHint(example)
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.Contains(raw, "#"):
		return "", problem("chart_registry %q has a query or fragment", raw).WithHint("remove the part from ? or # on")
	case u.User != nil:
		return "", problem("chart_registry %q holds a user name or password", raw).
			WithHint("almanac.toml is published with the site's sources: write only the registry's address")
	}
	return strings.TrimRight(raw, "/"), nil
}

// checkChartLibrary accepts "" (download ECharts) or the slash path of a
// .js file inside the site, outside the folders Almanac publishes from.
// Whether the file is a chart library is checked when a page draws a
// chart.
func checkChartLibrary(name string) *diag.Problem {
	const example = `write the path of the file almanac fetch --output wrote, inside the site, e.g. chart_library = "vendor/echarts.js"`
	switch top, _, _ := strings.Cut(name, "/"); {
	case name == "":
		return nil
	case strings.Contains(name, `\`) || !fs.ValidPath(name) || name == ".":
		return problem("chart_library %q is not a path inside the site", name).
			WithHint(`%s; use forward slashes, and no leading "/" or ".."`, example)
	case path.Ext(name) != ".js":
		return problem("chart_library %q is not a .js file", name).WithHint(example)
	case top == "content" || top == "assets":
		return problem("chart_library %q is inside %s/, which is published as it is", name, top).
			WithHint(`put it in a folder of its own, e.g. chart_library = "vendor/echarts.js"`)
	}
	return nil
}
