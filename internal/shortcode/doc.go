// Package shortcode expands the shortcodes of a page's Markdown, in
// Hugo's syntax, before the Markdown is converted.
//
// A call is written
//
//	{{< name arg "quoted arg" key=value >}}        output placed as HTML
//	{{% name %}}Markdown inside{{% /name %}}       output read as Markdown
//	{{< name />}}                                  self-closed, no inner content
//	{{</* name */>}}                               shown as written: {{< name >}}
//
// Arguments are all positional or all named. A value is a word, a
// "quoted" string (\" and \\ escaped) or a `raw` string; an unquoted
// true, false or whole number is that boolean or number, as in Hugo. A
// call whose closing {{< /name >}} follows in the same body takes the
// text between as its inner content, in which calls are expanded first.
//
// A Handler renders each call. What it gives is placed according to its
// kind: HTML stands in the converted page as it is (a token holds its
// place in the Markdown, and a paragraph holding nothing but the token
// gives way to the HTML); Markdown is written where the call was and
// converted with the page; Text is written where the call was with the
// Markdown punctuation escaped, so that a URL or a number reads as
// itself, in a sentence or a link's destination.
//
// Set is the Handler of a site: its own templates from
// layouts/shortcodes/NAME.html first, then the built-in shortcodes
// (builtins.go), which ask a Host for what they need of the page. A name
// known to neither is a problem at the call's line and column naming the
// closest known name.
package shortcode
