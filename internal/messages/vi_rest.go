package messages

// viRest are the messages of internal/rest.
var viRest = map[string]string{
	"check the three numbers: with the wording given, the change can be %s %% to %s %%":   "hãy kiểm tra lại ba số: với cách diễn đạt đã ghi, mức thay đổi có thể từ %s %% đến %s %%",
	"change %s of %s in %s does not follow from the values: %s against %s in %s is %s %%": "mức thay đổi %s của %s trong kỳ %s không khớp với các giá trị: %s so với %s trong kỳ %s là %s %%",
	"Hide":             "Ẩn",
	"Whole site":       "Toàn trang",
	": warning":        ": cảnh báo",
	"Fix: ":            "Cách sửa: ",
	"See also: ":       "Xem thêm: ",
	"Build failed: %s": "Dựng trang thất bại: %s",
	"The preview shows the last good build. Fix the files and save; this panel closes by itself. ":                  "Bản xem trước đang hiện lần dựng tốt gần nhất. Hãy sửa tệp rồi lưu; bảng này tự đóng. ",
	"No build has succeeded yet, so there is no page to show. Fix the files and save; the site appears by itself. ": "Chưa lần dựng nào thành công nên chưa có trang để hiện. Hãy sửa tệp rồi lưu; trang sẽ tự hiện ra. ",
	"The site built, with %s. ":      "Đã dựng trang, có %s. ",
	"%v":                             "%v",
	"warning":                        "cảnh báo",
	" (see also %s)":                 " (xem thêm %s)",
	"Not found":                      "Không tìm thấy trang",
	"The site has no page at ":       "Không có trang nào ở địa chỉ ",
	".":                              ".",
	"This page moved to ":            "Trang này đã chuyển tới ",
	" when its article was renamed.": " khi bài viết được đổi tên.",
	"Building…":                      "Đang dựng trang…",
	"Almanac is building the site; this page reloads when it is ready.": "Almanac đang dựng trang; trang này sẽ tự tải lại khi dựng xong.",
}
