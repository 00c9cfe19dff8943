package config

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/almanac-news/almanac/internal/diag"
)

func TestChartKeys(t *testing.T) {
	cfg, problems := load(t, "chart_registry = \"https://npm.example.org/repository/npm/\"\nchart_library = \"vendor/echarts.js\"\n")
	if len(problems) != 0 {
		t.Fatalf("problems: %v", problems)
	}
	if cfg.ChartRegistry != "https://npm.example.org/repository/npm" || cfg.ChartLibrary != "vendor/echarts.js" {
		t.Errorf("chart_registry %q, chart_library %q", cfg.ChartRegistry, cfg.ChartLibrary)
	}
	if cfg, _ := load(t, ""); cfg.ChartRegistry != "" || cfg.ChartLibrary != "" {
		t.Errorf("defaults: chart_registry %q, chart_library %q; want both empty", cfg.ChartRegistry, cfg.ChartLibrary)
	}
}

func TestChartKeyErrors(t *testing.T) {
	const libraryHint = `write the path of the file almanac fetch --output wrote, inside the site, e.g. chart_library = "vendor/echarts.js"`
	const registryHint = `write the npm registry's address, e.g. chart_registry = "https://registry.npmjs.org/", or remove the line`
	tests := []struct{ doc, want string }{
		{"chart_registry = \"registry.npmjs.org\"\n",
			`almanac.toml:1:18: chart_registry "registry.npmjs.org" is not an http or https address; ` + registryHint},
		{"chart_registry = \"ftp://mirror.example/\"\n",
			`almanac.toml:1:18: chart_registry "ftp://mirror.example/" is not an http or https address; ` + registryHint},
		{"chart_registry = \"https://mirror.example/?x=1\"\n",
			`almanac.toml:1:18: chart_registry "https://mirror.example/?x=1" has a query or fragment; remove the part from ? or # on`},
		{"chart_registry = \"https://me:secret@mirror.example/\"\n",
			`almanac.toml:1:18: chart_registry "https://me:secret@mirror.example/" holds a user name or password; ` +
				`almanac.toml is published with the site's sources: write only the registry's address`},
		{"chart_registry = 1\n",
			`almanac.toml:1:18: chart_registry must be text in quotes, not a whole number; write it like chart_registry = "https://registry.npmjs.org/"`},
		{"chart_library = \"/usr/share/echarts.js\"\n",
			`almanac.toml:1:17: chart_library "/usr/share/echarts.js" is not a path inside the site; ` + libraryHint + `; use forward slashes, and no leading "/" or ".."`},
		{"chart_library = \"../shared/echarts.js\"\n",
			`almanac.toml:1:17: chart_library "../shared/echarts.js" is not a path inside the site; ` + libraryHint + `; use forward slashes, and no leading "/" or ".."`},
		{"chart_library = \"vendor\\\\echarts.js\"\n",
			`almanac.toml:1:17: chart_library "vendor\\echarts.js" is not a path inside the site; ` + libraryHint + `; use forward slashes, and no leading "/" or ".."`},
		{"chart_library = \"vendor/echarts.min.js.gz\"\n",
			`almanac.toml:1:17: chart_library "vendor/echarts.min.js.gz" is not a .js file; ` + libraryHint},
		{"chart_library = \"assets/js/echarts.js\"\n",
			`almanac.toml:1:17: chart_library "assets/js/echarts.js" is inside assets/, which is published as it is; ` +
				`put it in a folder of its own, e.g. chart_library = "vendor/echarts.js"`},
		{"chart_library = true\n",
			`almanac.toml:1:17: chart_library must be text in quotes, not true or false; write it like chart_library = "vendor/echarts.js"`},
	}
	for _, tt := range tests {
		cfg, got := load(t, tt.doc)
		if !slices.Equal(got, []string{tt.want}) {
			t.Errorf("%q:\n got %s\nwant %s", tt.doc, strings.Join(got, "\n"), tt.want)
		}
		if cfg.ChartRegistry != "" || cfg.ChartLibrary != "" {
			t.Errorf("%q: a bad value was kept: %q %q", tt.doc, cfg.ChartRegistry, cfg.ChartLibrary)
		}
	}
}

func TestPosition(t *testing.T) {
	fsys := fstest.MapFS{fileName: {Data: []byte("title = \"Tin\"\n\nchart_library  =  \"vendor/echarts.js\"\n")}}
	if got, want := Position(fsys, fileName, "chart_library"), (diag.Pos{File: fileName, Line: 3, Col: 19}); got != want {
		t.Errorf("Position = %v, want %v", got, want)
	}
	if got := Position(fsys, fileName, "chart_registry"); got != (diag.Pos{File: fileName}) {
		t.Errorf("a key the file lacks: %v, want the whole file", got)
	}
	if got := Position(fstest.MapFS{}, fileName, "chart_library"); got != (diag.Pos{File: fileName}) {
		t.Errorf("no file: %v", got)
	}
}
