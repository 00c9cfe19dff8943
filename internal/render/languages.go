package render

// LanguageLink is one language of the switcher and of the hreflang links
// of a page (docs/content.md, "Languages").
type LanguageLink struct {
	Code       string // "vi", "en"
	Name       string // "Tiếng Việt", "English"
	URL        string // this page in that language, or that edition's home page: absolute from the base URL
	Current    bool   // the language of this page
	Translated bool   // URL is this page in that language, not the edition's home page
}

// Languages are the site's languages, in its order, for the language
// switcher; nil for a site in one language (a [languages] table of its
// own language only reads its files from content/<language>/ too). A page without a translation
// in a language leads to that edition's home page.
func (d *PageData) Languages() []LanguageLink {
	if d.shared == nil || len(d.shared.site.Config.Languages) < 2 {
		return nil
	}
	cfg := d.shared.site.Config
	links := make([]LanguageLink, 0, len(cfg.Languages))
	for _, l := range cfg.Languages {
		link := LanguageLink{Code: l.Code, Name: l.Name, URL: cfg.LanguageURL(l.Code, "/")}
		switch {
		case l.Code == cfg.Language:
			link.Current, link.Translated = true, d.Page != nil && len(d.Page.Translations) > 0
			if d.URL != "" {
				link.URL = cfg.LanguageURL(l.Code, d.URL)
			}
		case d.Page != nil:
			for _, t := range d.Page.Translations {
				if t.Lang == l.Code {
					link.URL, link.Translated = t.URL, true
				}
			}
		}
		links = append(links, link)
	}
	return links
}
