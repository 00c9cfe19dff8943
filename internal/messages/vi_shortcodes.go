package messages

// viShortcodes are the messages of shortcodes: reading them
// (internal/shortcode) and what the built-in ones ask of the site and the
// page (internal/build: ref, relref and value).
var viShortcodes = map[string]string{
	// reading a shortcode call
	"{{< /%s >}} closes no shortcode %s opened before it":                           "{{< /%s >}} không đóng shortcode %s nào được mở trước nó",
	"remove it, or open the shortcode before it: {{< %s >}}…{{< /%s >}}":            "hãy xóa thẻ này, hoặc mở shortcode ở trước nó: {{< %s >}}…{{< /%s >}}",
	"the commented-out shortcode is not closed with */%s":                           "shortcode được viết trong dấu chú thích /* không được đóng bằng */%s",
	"write it {{</* name */>}} to show a shortcode as written":                      "hãy viết {{</* name */>}} để hiện shortcode đúng như đã viết",
	"%s is not followed by a shortcode's name":                                      "sau %s không có tên shortcode",
	"write {{< name >}}; to show the characters themselves, write {{</* name */>}}": "hãy viết {{< name >}}; để hiện đúng các ký tự này, hãy viết {{</* name */>}}",
	"shortcode %s is not closed with %s":                                            "shortcode %s không được đóng bằng %s",
	"end the shortcode with %s on the same or a later line":                         "hãy kết thúc shortcode bằng %s trên cùng dòng hoặc ở một dòng sau",
	"shortcode %s opens with %s but closes with %s":                                 "shortcode %s mở bằng %s nhưng đóng bằng %s",
	"close it as it opens: {{< %s >}} or {{%% %s %%}}":                              "hãy đóng giống như khi mở: {{< %s >}} hoặc {{%% %s %%}}",
	"the closing tag of %s takes no arguments":                                      "thẻ đóng của %s không nhận đối số",
	"write it {{< /%s >}}":                                                          "hãy viết thành {{< /%s >}}",
	"shortcode %s mixes named and positional arguments":                             "shortcode %s dùng lẫn đối số có tên và đối số theo vị trí",
	"give every argument a name (key=\"value\"), or none":                           "hãy đặt tên cho mọi đối số (key=\"value\"), hoặc không đặt tên cho đối số nào",
	"shortcode %s ends before its argument":                                         "shortcode %s kết thúc trước khi có đối số",
	"write the argument's value after =":                                            "hãy viết giá trị của đối số sau dấu =",
	"an argument of shortcode %s opens a quotation mark that is never closed":       "một đối số của shortcode %s mở dấu ngoặc kép nhưng không đóng lại",
	"close the value with \"; write a quotation mark inside it as \\\"":             "hãy đóng giá trị bằng \"; dấu ngoặc kép bên trong giá trị thì viết thành \\\"",
	"an argument of shortcode %s opens a backquote that is never closed":            "một đối số của shortcode %s mở dấu nháy ngược (`) nhưng không đóng lại",
	"close the value with `":                                                        "hãy đóng giá trị bằng `",

	// rendering a call
	"shortcode %s: %v": "shortcode %s: %v",
	"fix layouts/shortcodes/%s.html, or the call's arguments": "hãy sửa layouts/shortcodes/%s.html, hoặc các đối số của lời gọi",
	"unknown shortcode %s": "không có shortcode %s",
	"did you mean %s? A site's own shortcodes are layouts/shortcodes/NAME.html": "có phải ý bạn là %s? Shortcode riêng của trang web nằm ở layouts/shortcodes/NAME.html",
	"the shortcodes are %s; a site's own are layouts/shortcodes/NAME.html":      "các shortcode là %s; shortcode riêng của trang web nằm ở layouts/shortcodes/NAME.html",
	"shortcode %s needs the theme's partials/shortcodes/%s.html":                "shortcode %s cần tệp partials/shortcodes/%s.html của giao diện",
	"fix layouts/partials/shortcodes/%s.html":                                   "hãy sửa layouts/partials/shortcodes/%s.html",
	"shortcode %s needs %s": "shortcode %s cần %s",
	"write it %s":           "hãy viết thành %s",
	"shortcode %s: start %q is not a number of seconds":                                 "shortcode %s: start %q không phải là một số giây",
	"write start=90 to start at 1:30":                                                   "hãy viết start=90 để phát từ 1:30",
	"shortcode %s: %q is not a video id":                                                "shortcode %s: %q không phải là id của video",
	"the id is %s":                                                                      "id là %s",
	"shortcode callout: %q is not a kind of callout":                                    "shortcode callout: %q không phải là một loại callout",
	"write note, warning or correction: {{%% callout warning %%}}…{{%% /callout %%}}":   "hãy viết note, warning hoặc correction: {{%% callout warning %%}}…{{%% /callout %%}}",
	"shortcode chart: %q is not a chart id":                                             "shortcode chart: %q không phải là id của biểu đồ",
	"a chart's id is its id: in the front matter's charts, a-z, 0-9 and single hyphens": "id của biểu đồ là giá trị id: của nó trong charts ở phần đầu tệp (front matter), gồm a-z, 0-9 và dấu gạch nối, không có hai dấu gạch nối liền nhau",
	"shortcode param: neither the page nor the site has a parameter %s":                 "shortcode param: cả trang này lẫn trang web đều không có tham số %s",
	"set it under params: in the front matter, or under [params] in almanac.toml":       "hãy đặt tham số trong params: ở phần đầu tệp (front matter), hoặc trong [params] ở almanac.toml",

	// ref and relref (internal/build)
	"%s names %d pages: %s":                                                                        "%s ứng với %d trang: %s",
	"write the path from content/: {{< relref \"/%s\" >}}":                                         "hãy viết đường dẫn tính từ content/: {{< relref \"/%s\" >}}",
	"%s leads to no page: no content file is %s.md or %s/index.md":                                 "%s không dẫn tới trang nào: không có tệp nội dung nào là %s.md hay %s/index.md",
	"name a content file by its path from content/, with or without .md: \"/kinh-te/bai-viet.md\"": "hãy nêu tệp nội dung bằng đường dẫn tính từ content/, có hoặc không có đuôi .md: \"/kinh-te/bai-viet.md\"",

	// value (internal/build)
	"shortcode value: the article has no figure %s":        "shortcode value: bài viết không có số liệu %s",
	"shortcode value: the article has no figure %s for %s": "shortcode value: bài viết không có số liệu %s cho kỳ %s",
	"it has %s for %s": "bài có số liệu %s cho kỳ %s",
	"shortcode value: the article has figures %s for %s; name the period": "shortcode value: bài viết có số liệu %s cho các kỳ %s; hãy nêu rõ kỳ",
	"write {{< value %s %s >}}":                                     "hãy viết {{< value %s %s >}}",
	"shortcode value: figure %s for %s has no value, only a change": "shortcode value: số liệu %s kỳ %s không có giá trị (value), chỉ có mức thay đổi (change)",
	"give the figure a value, or write the change in words":         "hãy cho số liệu một giá trị (value), hoặc viết mức thay đổi bằng lời",

	"the 11 letters, digits, - and _ after v= in the video's address":  "11 ký tự (chữ, số, - và _) sau v= trong địa chỉ của video",
	"the number at the end of the video's address, vimeo.com/76979871": "con số ở cuối địa chỉ của video, vimeo.com/76979871",
	"shortcode %s needs the video's id":                                "shortcode %s cần mã của video",
	"write {{< %s ID >}}, ID being %s":                                 "hãy viết {{< %s ID >}}, trong đó ID là %s",
	"the picture's file, src=":                                         "tệp ảnh, src=",
	"the sound file, src=":                                             "tệp âm thanh, src=",
	"the id of a chart of the front matter":                            "id của một biểu đồ trong phần đầu tệp",
	"the page it links to":                                             "trang mà nó liên kết tới",
	"a parameter's name":                                               "tên của một tham số",
	"an indicator of the page's figures":                               "một chỉ tiêu trong số liệu của bài",
}
