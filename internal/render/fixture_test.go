package render

import (
	"html/template"
	"time"

	"github.com/almanac-news/almanac/internal/site"
)

// ict is Indochina Time, written out so tests need no time zone database.
var ict = time.FixedZone("ICT", 7*3600)

// testAssets stands in for the asset hasher.
func testAssets(logical string) (string, bool) {
	hashed := map[string]string{
		"css/main.css":    "/assets/css/main.1a2b3c4d.css",
		"css/lists.css":   "/assets/css/lists.2b3c4d5e.css",
		"css/article.css": "/assets/css/article.3c4d5e6f.css",
		"css/print.css":   "/assets/css/print.4d5e6f70.css",
		"images/logo.svg": "/assets/images/logo.5e6f7a8b.svg",
	}[logical]
	return hashed, hashed != ""
}

// fixtureSite builds a small site by hand: two sections, five articles
// (the first with a picture, audio, tags and two authors; two others
// sharing its tags, one writing a tag in lower case), a stand-alone page,
// and a list size of 2 so that a section has two list pages.
func fixtureSite() *site.Site {
	s := &site.Site{Config: site.Config{
		Title:       "Bản tin Công Thương",
		Description: "Tin công nghiệp và thương mại của tỉnh.",
		BaseURL:     "https://example.org/",
		Language:    "vi",
		TimeZone:    "Asia/Ho_Chi_Minh",
		Location:    ict,
		PageSize:    2,
		Menu: []site.MenuItem{
			{Name: "Công Thương", URL: "/cong-thuong/", Weight: 1},
			{Name: "Thi đua – Khen thưởng", URL: "/thi-dua/", Weight: 2},
			{Name: "Giới thiệu", URL: "/gioi-thieu/", Weight: 3},
		},
	}}
	s.Home = &site.Page{Kind: site.KindHome, Source: "content/_index.md", URL: "/", Title: "Trang chủ",
		Summary: "Tin công nghiệp và thương mại của tỉnh."}
	report := &site.Page{
		Kind: site.KindArticle, Source: "content/cong-thuong/bao-cao/index.md", Section: "cong-thuong",
		Slug: "bao-cao", URL: "/cong-thuong/bao-cao/",
		Title:   "Giá trị sản xuất công nghiệp năm 2020 tăng 7,5%",
		Summary: "Ngành Công Thương vượt kế hoạch năm dù dịch bệnh.",
		Date:    time.Date(2020, 12, 30, 15, 1, 0, 0, ict),
		Lastmod: time.Date(2020, 12, 31, 9, 30, 0, 0, ict),
		Authors: []string{"Nguyễn Văn An", "Trần Thị Bình"},
		Tags:    []site.Tag{{Name: "Công nghiệp", Slug: "cong-nghiep"}, {Name: "Tổng kết năm", Slug: "tong-ket-nam"}},
		Image: &site.Image{Src: "/cong-thuong/bao-cao/nha-may.svg", Alt: "Dây chuyền lắp ráp trong nhà máy",
			Caption: "Một dây chuyền lắp ráp ở khu công nghiệp. Ảnh: Ban biên tập", Width: 1200, Height: 675},
		Audio:    "/cong-thuong/bao-cao/ban-tin.mp3",
		Lines:    site.KeyLines{{Key: "title", Line: 2}, {Key: "summary", Line: 3}},
		Rendered: site.PlainHTML("<p>Năm 2020, giá trị sản xuất công nghiệp đạt <a href=\"https://example.org/so-lieu\">hơn 120 nghìn tỷ đồng</a>.</p>\n<h2 id=\"xuat-khau\">Xuất khẩu</h2>\n<p>Kim ngạch xuất khẩu tăng 9%.</p>"),
	}
	article := func(section, slug, title string, day int) *site.Page {
		return &site.Page{Kind: site.KindArticle, Source: "content/" + section + "/" + slug + ".md", Section: section,
			Slug: slug, URL: "/" + section + "/" + slug + "/", Title: title,
			Summary: "Tóm tắt: " + title + ".", Date: time.Date(2020, 12, day, 8, 0, 0, 0, ict),
			Authors: []string{"Ban biên tập"}, Rendered: site.PlainHTML("<p>" + template.HTMLEscapeString(title) + ".</p>")}
	}
	trade := article("cong-thuong", "xuat-khau", "Kim ngạch xuất khẩu đạt 2 tỷ USD", 28)
	market := article("cong-thuong", "cho-tet", "Chuẩn bị hàng hóa phục vụ Tết", 20)
	power := article("cong-thuong", "dien", "Sản lượng điện tăng 6%", 10)
	award := article("thi-dua", "khen-thuong", "Tổng kết thi đua năm 2020", 29)
	trade.Tags = []site.Tag{{Name: "Công nghiệp", Slug: "cong-nghiep"}}
	award.Tags = []site.Tag{{Name: "Tổng kết năm", Slug: "tong-ket-nam"}, {Name: "công nghiệp", Slug: "cong-nghiep"}}
	about := &site.Page{Kind: site.KindPage, Source: "content/gioi-thieu.md", Slug: "gioi-thieu", URL: "/gioi-thieu/",
		Title: "Giới thiệu", Summary: "Về bản tin.", Rendered: site.PlainHTML("<p>Về bản tin.</p>")}
	s.Sections = []*site.Section{
		{Path: "cong-thuong", Articles: []*site.Page{report, trade, market, power},
			Page: &site.Page{Kind: site.KindSection, Source: "content/cong-thuong/_index.md", Section: "cong-thuong",
				Slug: "cong-thuong", URL: "/cong-thuong/", Title: "Công Thương", Summary: "Công nghiệp, thương mại, năng lượng."}},
		{Path: "thi-dua", Articles: []*site.Page{award},
			Page: &site.Page{Kind: site.KindSection, Source: "content/thi-dua/_index.md", Section: "thi-dua",
				Slug: "thi-dua", URL: "/thi-dua/", Title: "Thi đua – Khen thưởng"}},
	}
	s.Pages = []*site.Page{report, award, trade, market, power, about}
	return s
}
