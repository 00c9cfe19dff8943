package render

import (
	"cmp"

	"github.com/almanac-news/almanac/internal/site"
)

// logoAsset is the theme's logo, the publisher's logo in structured data.
const logoAsset = "images/logo.svg"

// newsArticle is schema.org NewsArticle metadata, written as JSON-LD so
// that search engines and social networks read the headline, authors and
// dates of an article.
type newsArticle struct {
	Context          string         `json:"@context"`
	Type             string         `json:"@type"`
	Headline         string         `json:"headline"`
	Description      string         `json:"description,omitempty"`
	URL              string         `json:"url"`
	MainEntityOfPage ldWebPage      `json:"mainEntityOfPage"`
	DatePublished    string         `json:"datePublished,omitempty"`
	DateModified     string         `json:"dateModified,omitempty"`
	Author           []ldPerson     `json:"author,omitempty"`
	Image            []string       `json:"image,omitempty"`
	ArticleSection   string         `json:"articleSection,omitempty"`
	Keywords         []string       `json:"keywords,omitempty"`
	Correction       []ldCorrection `json:"correction,omitempty"`
	InLanguage       string         `json:"inLanguage,omitempty"`
	Publisher        ldPublisher    `json:"publisher"`
}

// ldWebPage names the page an article is the main subject of.
type ldWebPage struct {
	Type string `json:"@type"`
	ID   string `json:"@id"`
}

// ldPerson is an author, with the URL of the list of their articles.
type ldPerson struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

// ldPublisher is the news organization, with its logo.
type ldPublisher struct {
	Type string   `json:"@type"`
	Name string   `json:"name"`
	URL  string   `json:"url,omitempty"`
	Logo *ldImage `json:"logo,omitempty"`
}

type ldImage struct {
	Type string `json:"@type"`
	URL  string `json:"url"`
}

// breadcrumbs is a schema.org BreadcrumbList: home, section, article.
type breadcrumbs struct {
	Context string        `json:"@context"`
	Type    string        `json:"@type"`
	Items   []ldCrumbItem `json:"itemListElement"`
}

// ldCorrection is a schema.org CorrectionComment: one correction of the article.
type ldCorrection struct {
	Type          string `json:"@type"`
	Text          string `json:"text"`
	DatePublished string `json:"datePublished"`
}

type ldCrumbItem struct {
	Type     string `json:"@type"`
	Position int    `json:"position"`
	Name     string `json:"name"`
	Item     string `json:"item"`
}

// structuredData returns the schema.org objects of an article, a
// NewsArticle and its BreadcrumbList, or of a section's list, its
// BreadcrumbList, which base.html writes as JSON-LD, one <script> each;
// nil for other pages. Every value is plain data: html/template encodes
// it as JSON safe inside <script>.
func (r *renderer) structuredData(d *PageData) []any {
	p := d.Page
	switch {
	case p == nil:
		return nil
	case p.Kind == site.KindArticle:
		return []any{r.newsArticle(d), r.breadcrumbList(d)}
	case p.Kind == site.KindSection:
		return []any{r.breadcrumbList(d)}
	}
	return nil
}

func (r *renderer) newsArticle(d *PageData) *newsArticle {
	p := d.Page
	ld := &newsArticle{
		Context:          "https://schema.org",
		Type:             "NewsArticle",
		Headline:         p.Title,
		Description:      cmp.Or(p.Description, p.Summary),
		URL:              r.absURL(p.URL),
		MainEntityOfPage: ldWebPage{Type: "WebPage", ID: r.absURL(p.URL)},
		DatePublished:    r.isoDate(p.Date),
		DateModified:     r.isoDate(cmp.Or(p.Lastmod, p.Date)),
		InLanguage:       r.theme.lang,
		Publisher:        r.publisher(d.Site()),
	}
	for _, name := range p.Authors {
		person := ldPerson{Type: "Person", Name: name}
		if u := r.authorURL(name); u != "" {
			person.URL = r.absURL(u)
		}
		ld.Author = append(ld.Author, person)
	}
	if p.Image != nil {
		ld.Image = []string{r.absURL(p.Image.Src)}
	}
	if d.Section != nil && d.Section.Page != nil {
		ld.ArticleSection = d.Section.Page.Title
	}
	for _, t := range p.Tags {
		ld.Keywords = append(ld.Keywords, t.Name)
	}
	ld.Keywords = append(ld.Keywords, p.Keywords...)
	for _, c := range p.Corrections {
		ld.Correction = append(ld.Correction, ldCorrection{Type: "CorrectionComment", Text: c.Text, DatePublished: r.isoDate(c.Date)})
	}
	return ld
}

// publisher is the site as a schema.org Organization.
func (r *renderer) publisher(s *site.Site) ldPublisher {
	pub := ldPublisher{Type: "Organization", Name: s.Config.Title, URL: r.absURL("/")}
	if logo, ok := r.assetPath(logoAsset); ok {
		pub.Logo = &ldImage{Type: "ImageObject", URL: r.absURL(logo)}
	}
	return pub
}

// breadcrumbList is the trail from the home page through the sections
// above the page (PageData.Breadcrumbs) to the page itself.
func (r *renderer) breadcrumbList(d *PageData) *breadcrumbs {
	b := &breadcrumbs{Context: "https://schema.org", Type: "BreadcrumbList"}
	add := func(name, url string) {
		b.Items = append(b.Items, ldCrumbItem{Type: "ListItem", Position: len(b.Items) + 1, Name: name, Item: r.absURL(url)})
	}
	add(r.translate("home"), "/")
	for _, p := range d.Breadcrumbs() {
		add(p.Title, p.URL)
	}
	add(d.Page.Title, d.Page.URL)
	return b
}
