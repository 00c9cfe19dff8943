package config

import (
	"reflect"
	"strings"
	"testing"

	"github.com/almanac-news/almanac/internal/site"
)

func TestLanguages(t *testing.T) {
	for _, tc := range []struct {
		doc      string
		want     []site.Language
		problems string
	}{
		{"language = \"vi\"\n", nil, ""},
		{"language = \"vi\"\n[languages.en]\ntitle = \"Trade News\"\n", []site.Language{
			{Code: "vi", Name: "Tiếng Việt"}, {Code: "en", Name: "English", Title: "Trade News"}}, ""},
		{"language = \"en\"\n[languages.vi]\nname = \"Việt ngữ\"\n[languages.en]\ndescription = \"News\"\n", []site.Language{
			{Code: "en", Name: "English", Description: "News"}, {Code: "vi", Name: "Việt ngữ"}}, ""},
		{"language = \"en\"\n[languages.en]\n", []site.Language{{Code: "en", Name: "English"}}, ""}, // content/en/ is the site's
		{"language = \"vi\"\n[[menu]]\nname = \"Tin\"\nurl = \"/tin/\"\n[languages.en]\n[[languages.en.menu]]\nname = \"News\"\nurl = \"/tin/\"\n",
			[]site.Language{{Code: "vi", Name: "Tiếng Việt"}, {Code: "en", Name: "English", Menu: []site.MenuItem{{Name: "News", URL: "/tin/"}}}}, ""},
		{"language = \"vi\"\n[languages.en]\n[[languages.en.menu]]\nname = \"News\"\nurl = \"tin\"\n", nil, `almanac.toml:5:7: menu url "tin" is neither site-relative nor absolute`},
		{"language = \"vi\"\n[languages.fr]\ntitle = \"Nouvelles\"\n", nil, `almanac.toml:2:2: [languages.fr] names a language Almanac does not write`},
		{"language = \"vi\"\n[languages.en]\ntitel = \"x\"\n", nil, `almanac.toml:3:1: unknown key "languages.en.titel"`},
	} {
		cfg, problems := load(t, tc.doc)
		var got []string
		for _, p := range problems {
			got = append(got, p)
		}
		if tc.problems == "" && len(got) > 0 || tc.problems != "" && (len(got) == 0 || !strings.HasPrefix(got[0], tc.problems)) {
			t.Errorf("%q: problems %q, want %q", tc.doc, got, tc.problems)
		}
		if tc.problems == "" && !reflect.DeepEqual(cfg.Languages, tc.want) {
			t.Errorf("%q: languages %+v, want %+v", tc.doc, cfg.Languages, tc.want)
		}
	}
}

func TestEdition(t *testing.T) {
	cfg := site.Config{Title: "Tin", BaseURL: "https://example.org/tin/", Language: "vi",
		Languages: []site.Language{{Code: "vi", Name: "Tiếng Việt"}, {Code: "en", Name: "English", Title: "News"}}}
	en := cfg.Edition("en")
	if en.Language != "en" || en.Title != "News" || en.BaseURL != "https://example.org/tin/en/" || en.RootURL != cfg.BaseURL {
		t.Errorf("edition en: %+v", en)
	}
	if vi := cfg.Edition("vi"); !reflect.DeepEqual(vi, cfg) {
		t.Errorf("the default edition is not the site's configuration: %+v", vi)
	}
	for _, c := range []struct {
		cfg              site.Config
		lang, path, want string
	}{
		{cfg, "en", "/a/", "https://example.org/tin/en/a/"},
		{en, "vi", "/a/", "https://example.org/tin/a/"},
		{en, "en", "/", "https://example.org/tin/en/"},
	} {
		if got := c.cfg.LanguageURL(c.lang, c.path); got != c.want {
			t.Errorf("LanguageURL(%s, %s) from %s = %s, want %s", c.lang, c.path, c.cfg.Language, got, c.want)
		}
	}
}
