package parse

import (
	"strings"
	"testing"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/messages"
)

// TestProblemsInVietnamese checks that the words parse puts into its
// messages, the kind of a value (kindName), a chart's name
// (figure.ChartName), a figure's name and a key list, are said in
// Vietnamese on a Vietnamese site, not left in English inside a
// Vietnamese sentence.
func TestProblemsInVietnamese(t *testing.T) {
	const at = "content/s/a.md:"
	figs := "figures:\n" + good + fig("indicator: exports", "label: XK", `period: "2021"`, "value: 1456") // lines 4-13
	chart := func(keys ...string) string { return "charts:\n" + fig(keys...) }                            // chart at line 15
	for _, tc := range []struct {
		name string
		fm   string
		want string
	}{
		{"kind: a number", "tags: 5\n",
			at + "4:7: tags phải là một danh sách, không phải một số; hãy viết tags: [thứ nhất, thứ hai]"},
		{"kind: a set of keys", "kpis: {a: b}\n",
			at + "4:7: kpis phải là một danh sách, không phải một tập khóa"},
		{"kind: a list", "slug: [a]\n",
			at + "4:7: slug phải là văn bản, không phải một danh sách"},
		{"chart name", figs + chart("id: c", "type: bar", "title: T", "indicators: [industry-output, export]"),
			at + "18:35: biểu đồ c nêu chỉ tiêu export, nhưng không số liệu nào có chỉ tiêu này; " +
				"có phải ý bạn là exports? (các chỉ tiêu là industry-output, exports)"},
		{"figure name", "figures:\n" + fig("indicator: exports", "label: XK", `period: "2021"`),
			at + "5:5: số liệu exports kỳ 2021 không có value lẫn change"},
		{"key list", figs + chart("id: c", "type: bar", "title: T", "indicator: [exports]"),
			at + `18:5: biểu đồ không có khóa "indicator"; có phải ý bạn là "indicators"? (các khóa của biểu đồ là `},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, problems := parseOne(t, article(tc.fm))
			var errs diag.Errors = problems.Problems()
			got := errs.In(messages.Vietnamese)
			if !strings.Contains(got, tc.want) {
				t.Errorf("problems in Vietnamese\n%s\ndo not contain\n%s", got, tc.want)
			}
		})
	}
}
