package serve

import (
	"strings"
	"testing"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/messages"
)

// TestOverlayInVietnamese checks that a Vietnamese site's preview says
// everything of its overlay and warnings panel in Vietnamese: the words
// reload.js shows and the problems themselves.
func TestOverlayInVietnamese(t *testing.T) {
	r := start(t, New(Options{Logf: t.Logf, Lang: messages.Vietnamese}))
	s := r.openStream(t)
	s.expect(t, "hello")
	at := diag.Pos{File: "content/tin/a.md", Line: 2, Col: 1}
	r.Fail([]*diag.Problem{
		diag.Errorf(at, "the front matter has no title").WithHint(`add a line title: "…"`),
		diag.Errorf(diag.Pos{File: "content/tin/a.md", Line: 9, Col: 1}, "chart %s is placed twice", "san-xuat").
			Also(at).WithHint("remove one of the two blocks"),
	}, nil)
	got := decode[errorsEvent](t, s.expect(t, "errors"))
	want := overlayText{
		Title:     "Dựng trang thất bại: 2 vấn đề",
		Intro:     "Chưa lần dựng nào thành công nên chưa có trang để hiện. Hãy sửa tệp rồi lưu; trang sẽ tự hiện ra. ",
		Hide:      "Ẩn",
		WholeSite: "Toàn trang",
		Warning:   ": cảnh báo",
		Fix:       "Cách sửa: ",
		SeeAlso:   "Xem thêm: ",
	}
	if got.Text != want {
		t.Errorf("overlay text\n%+v\nwant\n%+v", got.Text, want)
	}
	if p := got.Problems[0]; p.Message != "front matter chưa có title" || p.Hint != `hãy thêm dòng title: "…"` {
		t.Errorf("first problem %q; %q", p.Message, p.Hint)
	}
	if p := got.Problems[1]; p.Message != "biểu đồ san-xuat được đặt hai lần" || p.Hint != "hãy bỏ một trong hai khối" {
		t.Errorf("second problem %q; %q", p.Message, p.Hint)
	}

	r.Publish(site(), Change{Warnings: []*diag.Problem{
		diag.Warnf(diag.Pos{File: "almanac.toml"}, "chart library %s is ECharts %s; this Almanac draws charts for ECharts %s", "vendor/echarts.js", "5.5.0", "6.0.0"),
	}})
	s.expect(t, "clear")
	warned := decode[errorsEvent](t, s.expect(t, "warnings"))
	if warned.Text.Title != "Đã dựng trang, có 1 cảnh báo. " ||
		warned.Problems[0].Message != "thư viện biểu đồ vendor/echarts.js là ECharts 5.5.0; Almanac này vẽ biểu đồ cho ECharts 6.0.0" {
		t.Errorf("warnings panel %q: %+v", warned.Text.Title, warned.Problems)
	}
}

// TestOverlayInEnglish checks the words of an English site's overlay,
// which reload.js once had built in.
func TestOverlayInEnglish(t *testing.T) {
	r := startNew(t)
	r.Publish(site(), Change{})
	s := r.openStream(t)
	s.expect(t, "hello")
	r.Fail(failingBuild())
	got := decode[errorsEvent](t, s.expect(t, "errors")).Text
	if got.Title != "Build failed: 5 problems" || got.Hide != "Hide" || got.Fix != "Fix: " ||
		got.Intro != "The preview shows the last good build. Fix the files and save; this panel closes by itself. " {
		t.Errorf("overlay text %+v", got)
	}
}

// TestOwnPagesInVietnamese checks the pages the server writes itself,
// before the first build, for a missing page and for a renamed one, in a
// Vietnamese site's language.
func TestOwnPagesInVietnamese(t *testing.T) {
	r := start(t, New(Options{Logf: t.Logf, Lang: messages.Vietnamese}))
	if _, body := r.get(t, "/"); !strings.Contains(body, "<title>Đang dựng trang…</title>") ||
		!strings.Contains(body, "<p>Almanac đang dựng trang; trang này sẽ tự tải lại khi dựng xong.</p>") {
		t.Errorf("before the first build: %q", body)
	}
	r.Publish(mapTree{"index.html": "<body>home</body>", "moi/index.html": "<body>new</body>"},
		Change{Moved: map[string]string{"/cu/": "/moi/"}})
	_, body := r.get(t, "/khac/")
	if !strings.Contains(body, "<h1>Không tìm thấy trang</h1>\n<p>Không có trang nào ở địa chỉ <code>/khac/</code>.</p>") {
		t.Errorf("missing page: %q", body)
	}
	_, body = r.get(t, "/cu/")
	if !strings.Contains(body, `Trang này đã chuyển tới <a href="/moi/">/moi/</a> khi bài viết được đổi tên.`) {
		t.Errorf("renamed page: %q", body)
	}
}
