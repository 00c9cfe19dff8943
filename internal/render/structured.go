package render

import "github.com/almanac-news/almanac/internal/site"

// newsArticle is schema.org NewsArticle metadata, written as JSON-LD so
// that search engines and social networks read the headline, authors and
// dates of an article.
type newsArticle struct {
	Context          string    `json:"@context"`
	Type             string    `json:"@type"`
	Headline         string    `json:"headline"`
	Description      string    `json:"description,omitempty"`
	URL              string    `json:"url"`
	MainEntityOfPage string    `json:"mainEntityOfPage"`
	DatePublished    string    `json:"datePublished,omitempty"`
	DateModified     string    `json:"dateModified,omitempty"`
	Author           []ldThing `json:"author,omitempty"`
	Image            string    `json:"image,omitempty"`
	ArticleSection   string    `json:"articleSection,omitempty"`
	InLanguage       string    `json:"inLanguage,omitempty"`
	Publisher        ldThing   `json:"publisher"`
}

// ldThing is a named schema.org Person or Organization.
type ldThing struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

// structuredData returns schema.org NewsArticle metadata for an article,
// which base.html writes as JSON-LD; nil for other pages. Every value is
// plain data: html/template encodes it as JSON safe inside <script>.
func (r *renderer) structuredData(d *PageData) *newsArticle {
	p := d.Page
	if p == nil || p.Kind != site.KindArticle {
		return nil
	}
	ld := &newsArticle{
		Context:          "https://schema.org",
		Type:             "NewsArticle",
		Headline:         p.Title,
		Description:      p.Summary,
		URL:              r.absURL(p.URL),
		MainEntityOfPage: r.absURL(p.URL),
		DatePublished:    r.isoDate(p.Date),
		DateModified:     r.isoDate(p.Lastmod),
		InLanguage:       r.theme.lang,
		Publisher:        ldThing{Type: "Organization", Name: d.Site.Config.Title},
	}
	for _, name := range p.Authors {
		ld.Author = append(ld.Author, ldThing{Type: "Person", Name: name})
	}
	if p.Image != nil {
		ld.Image = r.absURL(p.Image.Src)
	}
	if d.Section != nil && d.Section.Page != nil {
		ld.ArticleSection = d.Section.Page.Title
	}
	return ld
}
