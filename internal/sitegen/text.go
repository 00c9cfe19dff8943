package sitegen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"
)

// phrases are the building blocks of sentences: words of the bulletin,
// alone or in the groups Vietnamese writes them in.
var phrases = strings.Split("ngành Công Thương|tỉnh|sản xuất công nghiệp|giá trị|tăng trưởng|so với cùng kỳ|"+
	"năm trước|doanh nghiệp|thị trường|hàng hóa|xuất khẩu|nhập khẩu|kim ngạch|ước đạt|kế hoạch|"+
	"nhiệm vụ|giải pháp|đầu tư|hạ tầng|cụm công nghiệp|thương mại|bán lẻ|dịch vụ|người tiêu dùng|"+
	"giá cả|ổn định|phát triển|khó khăn|thách thức|cơ hội|chính sách|hỗ trợ|tháo gỡ|vướng mắc|"+
	"lãnh đạo|Sở|Ủy ban nhân dân|hội nghị|triển khai|thực hiện|kiểm tra|giám sát|quản lý|"+
	"nâng cao|hiệu quả|chất lượng|sản phẩm|nguồn cung|nhu cầu|tiêu dùng|mặt hàng|thiết yếu|"+
	"điện năng|xăng dầu|năng lượng|tiết kiệm|chuyển đổi số|thương mại điện tử|xúc tiến|"+
	"liên kết|chuỗi cung ứng|lao động|việc làm|thu nhập|ngân sách|vốn|dự án|tiến độ|"+
	"trong|của|và|với|cho|các|những|đã|đang|sẽ|được|có|là|để|từ|theo|tại|trên|về|cùng|"+
	"nhiều|một số|toàn|tiếp tục|đẩy mạnh|tập trung|tăng cường|bảo đảm|góp phần|đáp ứng", "|")

var titleHeads = strings.Split("Sản xuất công nghiệp|Kim ngạch xuất khẩu|Tổng mức bán lẻ|Thị trường hàng hóa|"+
	"Giá xăng dầu|Cụm công nghiệp|Doanh nghiệp|Ngành Công Thương|Thương mại điện tử|Chợ nông thôn|"+
	"Khuyến công|Điện năng|Hàng Việt|Xúc tiến thương mại|Quản lý thị trường", "|")

var titleVerbs = strings.Split("tăng trưởng|phục hồi|đạt kết quả tích cực|gặp khó khăn|vượt kế hoạch|"+
	"giữ ổn định|chuyển biến rõ nét|cần thêm giải pháp|tiếp tục phát triển|đón nhiều cơ hội", "|")

var headings = strings.Split("Kết quả nổi bật|Những khó khăn, vướng mắc|Nguyên nhân|Giải pháp trọng tâm|"+
	"Nhiệm vụ thời gian tới|Ý kiến doanh nghiệp|Kiến nghị của ngành|Thị trường trong tỉnh|"+
	"Hoạt động xuất nhập khẩu|Đầu tư hạ tầng|Công tác quản lý|Triển vọng", "|")

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

// title is 8 to 14 words: a subject, a verb phrase and a tail.
func title(r *rand.Rand) string {
	t := pick(r, titleHeads) + " " + pick(r, titleVerbs)
	for len(strings.Fields(t)) < 8+r.IntN(7) {
		t += " " + pick(r, phrases)
	}
	return t
}

// sentence is from lo to hi words (a phrase may overshoot by a few),
// capitalised and closed by a full stop.
func sentence(r *rand.Rand, lo, hi int) string {
	want := lo + r.IntN(hi-lo+1)
	var b strings.Builder
	for words := 0; words < want; {
		p := pick(r, phrases)
		if b.Len() > 0 {
			b.WriteByte(' ')
			if r.IntN(9) == 0 {
				b.WriteString(number(r) + " ")
				words++
			}
		}
		b.WriteString(p)
		words += strings.Count(p, " ") + 1
	}
	return capitalise(b.String()) + "."
}

// number is a figure as the text writes it: 68.800 tỷ đồng, 12,5%…
func number(r *rand.Rand) string {
	switch r.IntN(3) {
	case 0:
		return viInt(1000+r.IntN(89000)) + " tỷ đồng"
	case 1:
		return fmt.Sprintf("%d,%d%%", r.IntN(30), r.IntN(10))
	}
	return viInt(10+r.IntN(2000)) + " triệu USD"
}

// viInt writes n with dots between thousands, as Vietnamese does.
func viInt(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

func capitalise(s string) string {
	c, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(c)) + s[size:]
}

// paragraph is three to five sentences.
func paragraph(r *rand.Rand) string {
	n := 3 + r.IntN(3)
	s := make([]string, n)
	for i := range s {
		s[i] = sentence(r, 12, 22)
	}
	return strings.Join(s, " ")
}

// body is the article's Markdown: an opening paragraph, then subheadings
// with paragraphs, a table and a list, until 600 to 800 words. chart,
// when not empty, is a chart block placed after the opening.
func body(r *rand.Rand, chart string) string {
	want := 600 + r.IntN(201)
	var md blocks
	md.add(paragraph(r))
	if chart != "" {
		md.add(chart)
	}
	sections := 4 + r.IntN(3)
	order := r.Perm(len(headings))
	for s := range sections {
		md.add("## " + headings[order[s]])
		for range 1 + r.IntN(3) {
			md.add(paragraph(r))
		}
		switch s {
		case 1:
			md.add(table(r))
		case 2:
			md.add(list(r))
		}
	}
	for md.words < want {
		md.add(paragraph(r))
	}
	md.trim(800)
	return strings.Join(md.text, "\n\n") + "\n"
}

// blocks is Markdown text as its blocks (paragraphs, headings, tables…)
// with their count of words, markup included.
type blocks struct {
	text   []string
	counts []int
	words  int
}

func (b *blocks) add(block string) {
	n := len(strings.Fields(block))
	b.text, b.counts, b.words = append(b.text, block), append(b.counts, n), b.words+n
}

// trim drops paragraphs of prose from the end until the text has at most
// max words, each dropped one following another paragraph, so that every
// heading keeps its first paragraph, table and list.
func (b *blocks) trim(max int) {
	for b.words > max {
		i := len(b.text) - 1
		for i > 0 && !(isProse(b.text[i]) && isProse(b.text[i-1])) {
			i--
		}
		if i == 0 {
			return
		}
		b.words -= b.counts[i]
		b.text = append(b.text[:i], b.text[i+1:]...)
		b.counts = append(b.counts[:i], b.counts[i+1:]...)
	}
}

func table(r *rand.Rand) string {
	rows := []string{"| Chỉ tiêu | Kỳ này | So với cùng kỳ |", "| --- | ---: | ---: |"}
	for _, i := range r.Perm(len(indicators))[:3+r.IntN(3)] {
		rows = append(rows, fmt.Sprintf("| %s | %s %s | %s%d,%d%% |", indicators[i].label, viInt(indicators[i].low+r.IntN(indicators[i].low)),
			indicators[i].unit, []string{"+", "−"}[r.IntN(2)], r.IntN(20), r.IntN(10)))
	}
	return strings.Join(rows, "\n")
}

func list(r *rand.Rand) string {
	items := make([]string, 3+r.IntN(3))
	for i := range items {
		items[i] = "- " + strings.TrimSuffix(sentence(r, 6, 12), ".") + ";"
	}
	return strings.Join(items, "\n")
}

// words counts the words of Markdown text, markup included.
func words(s string) int { return len(strings.Fields(s)) }

func isProse(block string) bool { return !strings.ContainsAny(block[:1], "#|-`") }
