package messages

// viSections are the messages of nested sections, cascade and build
// options (internal/parse).
var viSections = map[string]string{
	"cascade passes values down to the pages below a section, and this page has none":                                 "cascade truyền giá trị xuống các trang bên dưới một chuyên mục, mà trang này không có trang nào bên dưới",
	"move it to the _index.md of the section, or to content/_index.md for the whole site":                             "hãy chuyển nó vào _index.md của chuyên mục, hoặc vào content/_index.md cho cả trang",
	"cascade must be a set of keys, not %s":                                                                           "cascade phải là một tập khóa, không phải %s",
	"write\ncascade:\n  author: …\n  tags: [ … ]":                                                                     "hãy viết\ncascade:\n  author: …\n  tags: [ … ]",
	"a section passes down only author, authors, tags, layout, draft, sitemap, feed, build and headless":              "một chuyên mục chỉ truyền xuống author, authors, tags, layout, draft, sitemap, feed, build và headless",
	"cascade cannot pass down %q":                                                                                     "cascade không truyền xuống được %q",
	"%s must be a set of keys, not %s":                                                                                "%s phải là một tập khóa, không phải %s",
	"write %s: {list: never} to leave the page out of every list, or {render: never} to not write it":                 "hãy viết %s: {list: never} để không đưa trang vào danh sách nào, hoặc {render: never} để không xuất trang",
	"%s takes list, render and publishResources":                                                                      "%s nhận list, render và publishResources",
	"list must be always, local or never, not %s":                                                                     "list phải là always, local hoặc never, không phải %s",
	"render must be always or never, not %s":                                                                          "render phải là always hoặc never, không phải %s",
	"layout %q is the theme's layout of other pages (%s), and cannot show a page of kind %s":                          "layout %q là bố cục của theme cho các trang khác (%s), không hiển thị được trang loại %s",
	"remove the layout: line, or name a layout of your own in layouts/":                                               "hãy bỏ dòng layout:, hoặc đặt tên một bố cục của riêng bạn trong layouts/",
	"%s %q is not a path of the site":                                                                                 "%s %q không phải một đường dẫn của trang",
	"write a path such as /tin-tuc/bai-viet/: letters a-z, digits, -, _ and ., between slashes, without .. or spaces": "hãy viết một đường dẫn như /tin-tuc/bai-viet/: chữ a-z, chữ số, -, _ và ., giữa các dấu /, không có .. hay khoảng trắng",
	"params must be a set of keys, not %s":                                                                            "params phải là một tập khóa, không phải %s",
	"write\nparams:\n  nguon: …":                                                                                      "hãy viết\nparams:\n  nguon: …",
	"alias %q cannot be written as a file":                                                                            "alias %q không ghi thành tệp được",
	"write a path such as /tin-tuc/bai-cu/":                                                                           "hãy viết một đường dẫn như /tin-tuc/bai-cu/",
	"alias %s is where %s is published":                                                                               "alias %s là nơi %s được đăng",
	"remove the alias, or give the other page another URL":                                                            "hãy bỏ alias, hoặc cho trang kia một URL khác",
	"the front matter holds no keys":                                                                                  "phần đầu (front matter) không có khóa nào",
	"add title: \"…\" and, for an article, date: 2020-12-30":                                                          "hãy thêm title: \"…\" và, với bài viết, date: 2020-12-30",
	"slug is %d bytes long, more than the %d a file name may hold":                                                    "slug dài %d byte, quá %d byte mà một tên tệp chứa được",
	"write a shorter slug":                                                                                            "hãy viết slug ngắn hơn",
	"%s has a folder of %d bytes, more than the %d a file name may hold":                                              "%s có một thư mục dài %d byte, quá %d byte mà một tên tệp chứa được",
	"write a shorter path":                                                                                            "hãy viết đường dẫn ngắn hơn",
}
