package config

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/site"
)

const fileName = "almanac.toml"

func load(t *testing.T, doc string) (site.Config, []string) {
	t.Helper()
	cfg, problems := Load(fstest.MapFS{fileName: {Data: []byte(doc)}}, fileName)
	var got []string
	for _, p := range problems.Problems() {
		got = append(got, p.Error())
	}
	return cfg, got
}

func TestMissingFileGivesDefaults(t *testing.T) {
	cfg, problems := Load(fstest.MapFS{}, fileName)
	if problems == nil || len(problems.Problems()) != 0 {
		t.Fatalf("problems = %v, want an empty list", problems)
	}
	want := site.Config{
		Title: "Almanac", BaseURL: "/", Language: "en", TimeZone: "UTC",
		Location: time.UTC, PageSize: 10, FeedItems: 20, Params: map[string]any{},
	}
	if !reflect.DeepEqual(cfg, want) {
		t.Errorf("Load without file = %+v, want %+v", cfg, want)
	}
	if !reflect.DeepEqual(Default(), want) {
		t.Errorf("Default() = %+v, want %+v", Default(), want)
	}
}

func TestEmptyFileGivesDefaults(t *testing.T) {
	cfg, problems := load(t, "# nothing set yet\n")
	if len(problems) != 0 {
		t.Fatalf("problems: %v", problems)
	}
	if !reflect.DeepEqual(cfg, Default()) {
		t.Errorf("empty file = %+v, want %+v", cfg, Default())
	}
}

func TestUnreadableFile(t *testing.T) {
	fsys := fstest.MapFS{fileName + "/oops": {}} // almanac.toml is a folder
	cfg, problems := Load(fsys, fileName)
	errs := problems.Errors()
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "almanac.toml: cannot read the site configuration") {
		t.Fatalf("errors = %v, want one read error", errs)
	}
	if !reflect.DeepEqual(cfg, Default()) {
		t.Errorf("config = %+v, want defaults", cfg)
	}
}

func TestFullExample(t *testing.T) {
	doc := "\uFEFF" + `# Site of the ministry's statistics desk
title = "Tin Công Thương"
description = "Số liệu công nghiệp và thương mại"
base_url = "https://example.org/tin"
language = "vi"
time_zone = "Asia/Ho_Chi_Minh"
page_size = 20
feed_items = 50
author = "Ban biên tập"
allow_html = true

[[menu]]
name = "Thương mại"
url = "/thuong-mai/"
weight = 2

[[menu]]
name = "Công nghiệp"
url = "/cong-nghiep/"
weight = 1

[[menu]]
name = "Liên hệ"
url = "mailto:toasoan@example.org"
weight = 2

[params]
logo = "images/logo.svg"
[params.social]
facebook = "https://facebook.com/example"
`
	cfg, problems := load(t, doc)
	if len(problems) != 0 {
		t.Fatalf("problems: %v", problems)
	}
	hcm, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		t.Fatal(err)
	}
	want := site.Config{
		Title:       "Tin Công Thương",
		Description: "Số liệu công nghiệp và thương mại",
		BaseURL:     "https://example.org/tin/",
		Language:    "vi",
		TimeZone:    "Asia/Ho_Chi_Minh",
		Location:    hcm,
		Menu: []site.MenuItem{
			{Name: "Công nghiệp", URL: "/cong-nghiep/", Weight: 1},
			{Name: "Thương mại", URL: "/thuong-mai/", Weight: 2},
			{Name: "Liên hệ", URL: "mailto:toasoan@example.org", Weight: 2},
		},
		PageSize:  20,
		FeedItems: 50,
		Author:    "Ban biên tập",
		AllowHTML: true,
		Params: map[string]any{
			"logo":   "images/logo.svg",
			"social": map[string]any{"facebook": "https://facebook.com/example"},
		},
	}
	if !reflect.DeepEqual(cfg, want) {
		t.Errorf("config =\n%+v\nwant\n%+v", cfg, want)
	}
}

func TestInlineMenu(t *testing.T) {
	cfg, problems := load(t, `menu = [
  {name = "B", url = "/b/", weight = 5},
  {name = "A", url = "https://example.org/a"},
]
`)
	if len(problems) != 0 {
		t.Fatalf("problems: %v", problems)
	}
	want := []site.MenuItem{{Name: "A", URL: "https://example.org/a"}, {Name: "B", URL: "/b/", Weight: 5}}
	if !reflect.DeepEqual(cfg.Menu, want) {
		t.Errorf("menu = %+v, want %+v", cfg.Menu, want)
	}
}

func TestBaseURLNormalised(t *testing.T) {
	tests := map[string]string{
		"/":                         "/",
		"https://example.org":       "https://example.org/",
		"https://example.org/":      "https://example.org/",
		"http://example.org/a/b":    "http://example.org/a/b/",
		"https://example.org:8443/": "https://example.org:8443/",
	}
	for in, want := range tests {
		cfg, problems := load(t, `base_url = "`+in+`"`)
		if len(problems) != 0 || cfg.BaseURL != want {
			t.Errorf("base_url %q: got %q, problems %v; want %q", in, cfg.BaseURL, problems, want)
		}
	}
}

func TestSetBaseURL(t *testing.T) {
	cfg := Default()
	if err := SetBaseURL(&cfg, "http://localhost:1313", diag.Pos{File: "--base-url"}); err != nil || cfg.BaseURL != "http://localhost:1313/" {
		t.Errorf("SetBaseURL = %v, BaseURL %q; want http://localhost:1313/", err, cfg.BaseURL)
	}
	err := SetBaseURL(&cfg, "localhost:1313", diag.Pos{File: "--base-url"})
	want := `--base-url: base URL "localhost:1313" is not an absolute URL; start it with https://, e.g. "https://example.org/", or write "/" for a site served from the root`
	if err == nil || err.Error() != want {
		t.Errorf("SetBaseURL(localhost:1313) = %v, want %s", err, want)
	}
	if cfg.BaseURL != "http://localhost:1313/" {
		t.Errorf("a refused base URL changed the config to %q", cfg.BaseURL)
	}
}
