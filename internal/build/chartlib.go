package build

import (
	"context"
	"errors"
	"fmt"

	"github.com/almanac-news/almanac/internal/config"
	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/echarts"
	"github.com/almanac-news/almanac/internal/site"
)

// configFile is the site's configuration file, where chart library
// problems are reported: its chart_library and chart_registry keys are
// where they are fixed.
const configFile = "almanac.toml"

// chartsAsTablesHint says how to get the chart library when it could not
// be had.
var chartsAsTablesHint = diag.Textf(`to draw them, set %s to an npm registry this machine can reach, `+
	`run "%s" where one is reachable, or set chart_library in almanac.toml to a file written by "%[2]s --output"`,
	echarts.RegistryEnv, echarts.FetchCommand)

// loadChartLibrary returns the chart library for a site whose pages draw
// charts: the file chart_library names, else the cached or downloaded
// bundle. When the bundle cannot be had, for instance with no network on a
// first build, it returns nil and one warning: pages then show every chart
// as its data table, which they do without JavaScript anyway. A
// chart_library file that is not a chart library is an error. The error
// result is only for the end of ctx.
func loadChartLibrary(ctx context.Context, opts Options, cfg site.Config) ([]byte, []*diag.Problem, error) {
	if cfg.ChartLibrary != "" {
		js, problems := readChartLibrary(opts, cfg.ChartLibrary)
		return js, problems, nil
	}
	eo := opts.ECharts
	eo.SiteRegistry = cfg.ChartRegistry
	js, err := echarts.Bundle(ctx, eo)
	if err == nil {
		return js, nil, nil
	}
	if ctx.Err() != nil {
		return nil, nil, ctx.Err()
	}
	return nil, []*diag.Problem{chartsAsTables(opts, err)}, nil
}

// readChartLibrary reads and checks the site's chart_library file.
func readChartLibrary(opts Options, name string) ([]byte, []*diag.Problem) {
	at := config.Position(opts.Site, configFile, "chart_library")
	lib, err := echarts.ReadLibrary(opts.Site, name)
	var libErr *echarts.LibraryError
	switch {
	case errors.As(err, &libErr):
		return nil, []*diag.Problem{diag.Errorf(at, "%s", libErr.Msg).WithHint("%s", libErr.Hint)}
	case err != nil:
		return nil, []*diag.Problem{diag.Errorf(at, "chart library %s: %v", name, err)}
	case lib.Version != echarts.Version:
		return lib.JS, []*diag.Problem{diag.Warnf(at, "chart library %s is ECharts %s; this Almanac draws charts for ECharts %s",
			name, lib.Version, echarts.Version).
			WithHint("write it again with %s --output %s", echarts.FetchCommand, name)}
	}
	return lib.JS, nil
}

// chartsAsTables is the warning of a build whose chart library could not
// be had, at almanac.toml: at its chart_registry when that registry failed.
func chartsAsTables(opts Options, err error) *diag.Problem {
	at := diag.Pos{File: configFile}
	var unavailable *echarts.UnavailableError
	var integrity *echarts.IntegrityError
	var cause string
	switch {
	case errors.As(err, &unavailable):
		if unavailable.RegistryFrom == echarts.SiteRegistrySource {
			at = config.Position(opts.Site, configFile, "chart_registry")
		}
		cause = fmt.Sprintf("it is not in the cache (%s) and could not be downloaded from %s: %v",
			unavailable.CacheDir, unavailable.Registry, unavailable.Err)
	case errors.As(err, &integrity):
		cause = fmt.Sprintf("%s downloaded from %s did not match its pinned integrity, so nothing was unpacked",
			integrity.Package, integrity.URL)
	default:
		cause = err.Error()
	}
	return diag.Warnf(at, "charts are shown as data tables because the chart library, ECharts %s, could not be had: %s",
		echarts.Version, cause).WithHint("%s", chartsAsTablesHint)
}
