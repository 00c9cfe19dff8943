// Package sitegen writes Almanac sites shaped like the archive of a
// provincial news portal, for benchmarks and tests. What it generates is
// a function of Config alone: the same Config (seed included) gives the
// same files, byte for byte, on every run.
//
// The shape, with the defaults of Default:
//
//   - Articles articles over Years years (10), newest on End
//     (2025-12-31, Asia/Ho_Chi_Minh). Each day of the span gets a weight
//     drawn from 10 to 30 and the articles are spread over the days in
//     proportion, so that busy days have up to three times the articles
//     of quiet ones; at 73,000 articles over ten years that is the 10 to
//     30 a day of a real portal. Articles are published between 06:00 and
//     22:00, to the minute.
//   - Sections top-level sections (8), named like a Department of
//     Industry and Trade's bulletin (Công nghiệp, Thương mại…; past the
//     twelve names, "Chuyên mục 13"…), each with an _index.md and a menu
//     entry; an article's top-level section is drawn with weight
//     1/√(rank+1).
//   - Subsections subsections (3; at most 6) in each top-level section
//     (Tin địa phương, Doanh nghiệp, Chính sách…), each with an _index.md;
//     the first of them holds two more, named after districts, so that
//     sections nest three deep. An article stays in its top-level section
//     one time in two, else goes to one of that section's descendants,
//     drawn alike. With the defaults, 8 top-level sections make 48.
//   - TagsPerArticle distinct tags (3) per article, drawn from a
//     vocabulary of Tags (50; 16 to 200 are realistic) with Zipf-like
//     popularity: tag of rank r has weight 1/(r+1), so with 16 tags the
//     most popular is on about two articles in three and the least on
//     one in fifteen; with 50, on one in two and one in sixty. Tag names are Vietnamese topics (Công nghiệp,
//     Xuất khẩu…), then topics of a district (Công nghiệp Yên Lạc…).
//   - Authors authors (40) with Vietnamese names, drawn with weight
//     1/√(rank+1); one article in ten has two.
//   - Titles of 8 to 14 words, unique file names (the title's first
//     words made URL-safe, then the article's number); seven articles in
//     ten have a summary, the others take their first paragraph.
//   - Bodies of 600 to 800 words of Vietnamese-like text (sentences
//     assembled from the bulletin's vocabulary): an opening paragraph,
//     then four to six "##" subheadings with one to three paragraphs
//     each, one table of three to five indicators and one list of three
//     to five items.
//   - One article in five (those whose number is 2 modulo 5) carries 3
//     to 5 figures and two charts, in the front matter format of
//     docs/figures.md: one indicator with last year's value and this
//     year's estimate, whose change is computed from the two values and
//     rounded to one decimal (so the build's cross-check agrees), and one
//     to three other indicators with this year's estimate and change; a
//     "change" chart of every indicator, placed in the body by a
//     ```chart block, and a "column" chart of the first indicator's two
//     years, shown after the body. The numbers are the site's series
//     (from the seed, by indicator, year and status), so every article
//     giving an indicator for a year agrees with the others, as the
//     cross-article check asks.
//
// Generated sites build with no error and no warning; a test builds one.
// The site's text is made up: it reads like Vietnamese but says nothing.
package sitegen
