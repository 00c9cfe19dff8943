package markdown

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// benchmarkBody returns a Vietnamese article body of about 700 words with
// headings, a table and a list, like the bodies of the site benchmark.
func benchmarkBody() []byte {
	paragraph := "Theo báo cáo của Sở Công Thương, giá trị sản xuất công nghiệp trên địa bàn " +
		"tỉnh ước đạt **1.234,5 tỷ đồng**, tăng 6,8% so với cùng kỳ năm trước. Ngành chế biến, " +
		"chế tạo tiếp tục giữ vai trò động lực với mức tăng 8,2%; sản xuất và phân phối điện " +
		"tăng 4,1%. Xem thêm [số liệu chi tiết](https://example.org/so-lieu) và *phụ lục* kèm theo.\n\n"
	var b strings.Builder
	b.WriteString(paragraph)
	for i := 1; i <= 3; i++ {
		fmt.Fprintf(&b, "## Kết quả quý %d\n\n", i)
		b.WriteString(paragraph)
		b.WriteString(paragraph)
	}
	b.WriteString("## Bảng số liệu\n\n| Chỉ tiêu | Đơn vị | 2019 | 2020 | Tăng (%) |\n|---|---|---:|---:|---:|\n")
	for _, row := range []string{"Giá trị sản xuất", "Xuất khẩu", "Nhập khẩu", "Bán lẻ hàng hóa", "Vốn đầu tư"} {
		fmt.Fprintf(&b, "| %s | tỷ đồng | 1.100,2 | 1.234,5 | 6,8 |\n", row)
	}
	b.WriteString("\n## Nhiệm vụ năm tới\n\n")
	for _, item := range []string{"Tháo gỡ khó khăn cho doanh nghiệp", "Đẩy mạnh xúc tiến thương mại",
		"Phát triển cụm công nghiệp", "Kiểm soát thị trường, giá cả", "Chuyển đổi số trong quản lý"} {
		fmt.Fprintf(&b, "- %s theo kế hoạch của Ủy ban nhân dân tỉnh.\n", item)
	}
	b.WriteString("\n")
	b.WriteString(paragraph)
	return []byte(b.String())
}

func BenchmarkConvert(b *testing.B) {
	src := benchmarkBody()
	c := New(Options{})
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := c.Convert(src); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkGoldmarkAlone converts the same body with goldmark and the
// same extensions but none of this package's work, to show its cost.
func BenchmarkGoldmarkAlone(b *testing.B) {
	src := benchmarkBody()
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute()))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		var out bytes.Buffer
		for pb.Next() {
			out.Reset()
			if err := md.Convert(src, &out); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func TestBenchmarkBodySize(t *testing.T) {
	words := len(strings.Fields(string(benchmarkBody())))
	if words < 600 || words > 800 {
		t.Errorf("benchmark body has %d words, want about 700", words)
	}
}
