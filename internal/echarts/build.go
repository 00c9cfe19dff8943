package echarts

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// recipeRevision changes whenever this file changes the bundle produced from
// the same packages, so that bundles cached by older Almanac builds are not
// reused.
const recipeRevision = "1"

// entrySource is the bundle's entry module: the parts of ECharts Almanac's
// charts use, registered with echarts.use and exposed as window.echarts.
// LabelLayout and UniversalTransition (echarts/features) are left out: the
// pie chart lays out its own labels, and charts never morph between series
// types.
const entrySource = `import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import {
  TitleComponent,
  TooltipComponent,
  GridComponent,
  LegendComponent,
  AriaComponent,
  MarkLineComponent,
  DatasetComponent
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart, LineChart, PieChart,
  TitleComponent, TooltipComponent, GridComponent, LegendComponent,
  AriaComponent, MarkLineComponent, DatasetComponent,
  SVGRenderer
]);

window.echarts = echarts;
`

// bundlePackages returns the bundle built from pkgs (echarts first), from
// the bundle cache if possible, else building it from the package cache,
// downloading what is missing.
func bundlePackages(ctx context.Context, opts Options, pkgs []npmPackage) ([]byte, error) {
	cached := bundleCachePath(opts.CacheDir, pkgs)
	if js, ok := readCachedBundle(cached); ok {
		return js, nil
	}
	if err := ensurePackages(ctx, opts, pkgs); err != nil {
		return nil, err
	}
	js, err := runEsbuild(opts.CacheDir, pkgs)
	if err != nil {
		return nil, err
	}
	if err := writeCachedBundle(opts.CacheDir, cached, js); err != nil {
		return nil, err
	}
	return js, nil
}

// esbuildOptions describes the build of entrySource against the unpacked
// packages in cacheDir. Bare imports of the packages are aliased to their
// cache directories, so the build never looks at any node_modules.
func esbuildOptions(cacheDir string, pkgs []npmPackage) api.BuildOptions {
	alias := make(map[string]string, len(pkgs))
	for _, p := range pkgs {
		alias[p.Name] = packageRoot(cacheDir, p)
	}
	return api.BuildOptions{
		Stdin: &api.StdinOptions{
			Contents:   entrySource,
			ResolveDir: npmDir(cacheDir),
			Sourcefile: "almanac-echarts-entry.js",
			Loader:     api.LoaderJS,
		},
		AbsWorkingDir:     npmDir(cacheDir),
		Alias:             alias,
		Bundle:            true,
		Write:             false,
		Format:            api.FormatIIFE,
		Platform:          api.PlatformBrowser,
		Target:            api.ES2018,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		LegalComments:     api.LegalCommentsInline,
		Define:            map[string]string{"process.env.NODE_ENV": `"production"`},
		Banner:            map[string]string{"js": licenseBanner(pkgs)},
		LogLevel:          api.LogLevelSilent,
	}
}

// licenseBanner credits the bundled packages at the top of the bundle.
func licenseBanner(pkgs []npmPackage) string {
	names := make([]string, len(pkgs))
	for i, p := range pkgs {
		names[i] = p.String()
	}
	return "/*! Bundled by Almanac from " + strings.Join(names, ", ") +
		"; licenses: echarts Apache-2.0, zrender BSD-3-Clause, tslib 0BSD */"
}

// runEsbuild bundles entrySource with the packages in the cache.
func runEsbuild(cacheDir string, pkgs []npmPackage) ([]byte, error) {
	result := api.Build(esbuildOptions(cacheDir, pkgs))
	if len(result.Errors) > 0 {
		msgs := api.FormatMessages(result.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage})
		return nil, fmt.Errorf("bundling ECharts %s with esbuild failed; delete %s and build again to re-download it:\n%s",
			pkgs[0].Version, npmDir(cacheDir), strings.Join(msgs, ""))
	}
	if len(result.OutputFiles) != 1 {
		return nil, fmt.Errorf("bundling ECharts %s: esbuild produced %d outputs, want 1", pkgs[0].Version, len(result.OutputFiles))
	}
	return result.OutputFiles[0].Contents, nil
}

// bundleCachePath names the cached bundle after the ECharts version and a
// key covering everything that determines its bytes.
func bundleCachePath(cacheDir string, pkgs []npmPackage) string {
	name := fmt.Sprintf("echarts-%s-%s.min.js", pkgs[0].Version, recipeKey(pkgs))
	return filepath.Join(cacheDir, "echarts", name)
}

// recipeKey hashes the inputs of the build: the pinned packages, the entry
// module, this file's revision and the esbuild version.
func recipeKey(pkgs []npmPackage) string {
	h := sha256.New()
	fmt.Fprintf(h, "almanac echarts bundle, revision %s\nesbuild %s\n", recipeRevision, esbuildVersion())
	for _, p := range pkgs {
		fmt.Fprintf(h, "%s %s\n", p, p.Integrity)
	}
	fmt.Fprintf(h, "%s\n%s", licenseBanner(pkgs), entrySource)
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// esbuildVersion is the version of the esbuild module linked into this
// program, or "unknown" if the build information is missing.
func esbuildVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	for _, dep := range info.Deps {
		if dep.Path == "github.com/evanw/esbuild" {
			if dep.Replace != nil {
				return dep.Replace.Path + "@" + dep.Replace.Version
			}
			return dep.Version
		}
	}
	return "unknown"
}
