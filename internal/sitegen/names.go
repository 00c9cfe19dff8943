package sitegen

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"github.com/almanac-news/almanac/internal/slug"
)

var sectionTitles = []string{
	"Công nghiệp", "Thương mại", "Xuất nhập khẩu", "Đầu tư", "Năng lượng", "Thị trường",
	"Chính sách", "Khuyến công", "Quản lý thị trường", "Kinh tế số", "Hoạt động của Sở",
	"Thi đua khen thưởng",
}

// subsectionTitles name the subsections of every top-level section.
var subsectionTitles = []string{"Tin địa phương", "Doanh nghiệp", "Chính sách", "Số liệu", "Ý kiến", "Hỏi đáp"}

// sectionNames gives n top-level sections, the bulletin's names then
// numbered ones, each followed by its sub subsections (at most six); the
// first subsection of each holds two more, named after districts. Each
// section comes before those inside it.
func sectionNames(n, sub int) []Section {
	var sections []Section
	for i := range n {
		t := fmt.Sprintf("Chuyên mục %d", i+1)
		if i < len(sectionTitles) {
			t = sectionTitles[i]
		}
		top := Section{Name: slug.Make(t), Title: t, Top: i}
		sections = append(sections, top)
		for j := range min(sub, len(subsectionTitles)) {
			s := Section{Name: top.Name + "/" + slug.Make(subsectionTitles[j]), Title: subsectionTitles[j], Top: i, Depth: 1, Weight: j + 1}
			sections = append(sections, s)
			if j > 0 {
				continue
			}
			for k := range 2 {
				d := "Huyện " + districts[(i+k)%len(districts)]
				sections = append(sections, Section{Name: s.Name + "/" + slug.Make(d), Title: d, Top: i, Depth: 2, Weight: k + 1})
			}
		}
	}
	return sections
}

var topics = []string{
	"Công nghiệp", "Thương mại", "Xuất khẩu", "Nhập khẩu", "Đầu tư", "Năng lượng", "Điện lực",
	"Xăng dầu", "Giá cả", "Thị trường", "Bán lẻ", "Chợ truyền thống", "Siêu thị",
	"Thương mại điện tử", "Khuyến công", "Cụm công nghiệp", "Khu công nghiệp", "Doanh nghiệp",
	"Hợp tác xã", "Làng nghề", "Nông sản", "Thủy sản", "Gạo", "Cà phê", "Hồ tiêu", "Dệt may",
	"Da giày", "Gỗ và lâm sản", "Cơ khí", "Hóa chất", "Vật liệu xây dựng", "Khoáng sản",
	"An toàn thực phẩm", "Hàng giả", "Buôn lậu", "Quản lý thị trường", "Người tiêu dùng",
	"Xúc tiến thương mại", "Hội chợ", "Logistics", "Kinh tế số", "Chuyển đổi số",
	"Năng lượng tái tạo", "Điện mặt trời", "Tiết kiệm năng lượng", "Môi trường", "Lao động",
	"Ngân sách", "Cải cách hành chính", "Thi đua khen thưởng", "Kế hoạch năm", "Tổng kết năm",
	"Hội nhập kinh tế", "Hiệp định thương mại tự do", "Công nghiệp hỗ trợ",
}

var districts = []string{"Yên Lạc", "Tam Dương", "Bình Xuyên", "Lập Thạch", "Sông Lô", "Vĩnh Tường", "Tam Đảo", "Phúc Yên"}

// maxTags is the largest vocabulary tagNames makes.
var maxTags = len(topics) * (1 + len(districts))

// tagNames gives a vocabulary of n tags, most popular first: the topics,
// then each topic of each district.
func tagNames(n int) []string {
	names := append([]string(nil), topics...)
	for _, d := range districts {
		for _, t := range topics {
			names = append(names, t+" "+d)
		}
	}
	return names[:n]
}

var (
	familyNames = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"}
	middleNames = []string{"Văn", "Thị", "Minh", "Thanh", "Quốc", "Ngọc", "Hữu", "Thu", "Đức", "Hoài"}
	givenNames  = []string{"An", "Bình", "Cường", "Dũng", "Duẩn", "Hà", "Hải", "Hạnh", "Hoa", "Hùng", "Hương", "Khánh", "Lan",
		"Linh", "Long", "Mai", "Nam", "Nga", "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Việt", "Yến"}
)

// maxAuthors is the most authors authorNames can name distinctly.
const maxAuthors = 1000

// authorNames gives n distinct Vietnamese names drawn from seed.
func authorNames(n int, seed uint64) []string {
	r := rand.New(rand.NewPCG(seed, math.MaxUint64-1))
	seen := map[string]bool{}
	names := make([]string, 0, n)
	for len(names) < n {
		name := familyNames[r.IntN(len(familyNames))] + " " + middleNames[r.IntN(len(middleNames))] + " " + givenNames[r.IntN(len(givenNames))]
		if s := slug.Make(name); !seen[s] {
			seen[s] = true
			names = append(names, name)
		}
	}
	return names
}

// weighted draws ranks 0…n−1, rank r with weight 1/(r+1)^s.
type weighted struct{ cumulative []float64 }

func newWeighted(n int, s float64) weighted {
	w := weighted{cumulative: make([]float64, n)}
	total := 0.0
	for r := range n {
		total += 1 / math.Pow(float64(r+1), s)
		w.cumulative[r] = total
	}
	return w
}

func (w weighted) draw(r *rand.Rand) int {
	x := r.Float64() * w.cumulative[len(w.cumulative)-1]
	return min(sort.SearchFloat64s(w.cumulative, x), len(w.cumulative)-1)
}

// drawDistinct draws k distinct ranks (k at most n), in the order drawn.
func (w weighted) drawDistinct(r *rand.Rand, k int) []int {
	var ranks []int
	for len(ranks) < k {
		x := w.draw(r)
		dup := false
		for _, y := range ranks {
			dup = dup || x == y
		}
		if !dup {
			ranks = append(ranks, x)
		}
	}
	return ranks
}
