package shortcode

import (
	"fmt"
	"html/template"
	"regexp"
	"strings"

	"github.com/almanac-news/almanac/internal/diag"
)

// builtin renders one built-in shortcode. Those that write HTML hand what
// they worked out to a theme partial, partials/shortcodes/NAME.html, so
// that a theme decides the markup and the checks stay here.
type builtin func(c *Call, s Set) (Output, *diag.Problem)

var builtins map[string]builtin

func init() { // a map literal would refer to itself through Set.Render
	builtins = map[string]builtin{
		"audio":        audio,
		"callout":      callout,
		"chart":        chartCall,
		"details":      details,
		"figure":       figure,
		"figure-value": value,
		"highlight":    highlight,
		"param":        param,
		"ref":          ref,
		"relref":       ref,
		"value":        value,
		"vimeo":        video,
		"youtube":      video,
	}
}

// partial renders the theme's partial of a built-in with data.
func partial(c *Call, s Set, name string, data any) (Output, *diag.Problem) {
	if s.Templates == nil {
		return Output{}, diag.Errorf(diag.Pos{}, "shortcode %s needs the theme's partials/shortcodes/%s.html", c.Name, name)
	}
	html, err := s.Templates.Fragment("partials/shortcodes/"+name+".html", data)
	if err != nil {
		return Output{}, diag.Errorf(diag.Pos{}, "shortcode %s: %v", c.Name, err).
			WithHint("fix layouts/partials/shortcodes/%s.html", name)
	}
	return HTML(html), nil
}

// arg is the argument of that name, or the positional one at index when
// the arguments have no names; index < 0: by name only.
func arg(c *Call, name string, index int) string {
	if c.IsNamedParams || index < 0 {
		return c.String(name)
	}
	return c.String(index)
}

// required is the problem of a call without the argument name.
func required(c *Call, name diag.Text, example string) *diag.Problem {
	return diag.Errorf(diag.Pos{}, "shortcode %s needs %s", c.Name, name).WithHint("write it %s", example)
}

// FigureData is what partials/shortcodes/figure.html receives.
type FigureData struct {
	Src, Alt, Class        string
	Link, Target, Rel      string
	Title                  string
	Caption                template.HTML // Markdown, converted
	Credit, CreditLink     string        // attr and attrlink
	Width, Height          string
	Srcset, Sizes, Loading string
}

func figure(c *Call, s Set) (Output, *diag.Problem) {
	src := arg(c, "src", -1)
	if src == "" {
		return Output{}, required(c, diag.Textf("the picture's file, src="), `{{< figure src="anh.jpg" alt="…" caption="…" >}}`)
	}
	d := FigureData{Src: c.URL(src), Alt: arg(c, "alt", -1), Class: arg(c, "class", -1), Title: arg(c, "title", -1),
		Credit: arg(c, "attr", -1), CreditLink: arg(c, "attrlink", -1), Target: arg(c, "target", -1), Rel: arg(c, "rel", -1),
		Width: arg(c, "width", -1), Height: arg(c, "height", -1), Loading: cmpOr(arg(c, "loading", -1), "lazy")}
	if link := arg(c, "link", -1); link != "" {
		d.Link = c.URL(link)
	}
	if caption := arg(c, "caption", -1); caption != "" && s.Host != nil {
		d.Caption = inline(s.Host.Markdown(caption))
	}
	if pic := c.Picture(src); pic.Width > 0 {
		d.Srcset, d.Sizes = pic.Srcset, pic.Sizes
		if d.Width == "" && d.Height == "" {
			d.Width, d.Height = fmt.Sprint(pic.Width), fmt.Sprint(pic.Height)
		}
	}
	return partial(c, s, "figure", d)
}

// inline is converted Markdown of one paragraph without its <p>.
func inline(h template.HTML) template.HTML {
	t := strings.TrimSpace(string(h))
	if strings.HasPrefix(t, "<p>") && strings.HasSuffix(t, "</p>") && strings.Count(t, "<p>") == 1 {
		t = t[3 : len(t)-4]
	}
	return template.HTML(t)
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// VideoData is what partials/shortcodes/video.html receives: a link to
// the video and, once a reader clicks it, the player (assets/js/embed.js).
type VideoData struct {
	Provider string // "YouTube" or "Vimeo"
	Host     string // where the player comes from, "www.youtube-nocookie.com"
	ID       string
	Title    string // the video's title, or ""
	Watch    string // the video's page
	Player   string // the player's address, loaded only on a click
	Poster   string // a picture beside the article shown until then, or ""
}

var (
	youtubeID = regexp.MustCompile(`^[A-Za-z0-9_-]{11}$`)
	vimeoID   = regexp.MustCompile(`^[0-9]{1,12}$`)
)

func video(c *Call, s Set) (Output, *diag.Problem) {
	id := arg(c, "id", 0)
	d := VideoData{ID: id, Title: arg(c, "title", -1)}
	if poster := arg(c, "poster", -1); poster != "" {
		d.Poster = c.URL(poster)
	}
	start := arg(c, "start", -1)
	if start != "" && !vimeoID.MatchString(start) {
		return Output{}, diag.Errorf(diag.Pos{}, "shortcode %s: start %q is not a number of seconds", c.Name, start).
			WithHint("write start=90 to start at 1:30")
	}
	switch c.Name {
	case "youtube":
		if !youtubeID.MatchString(id) {
			return Output{}, badVideo(c, id, diag.Textf("the 11 letters, digits, - and _ after v= in the video's address"))
		}
		d.Provider, d.Host = "YouTube", "www.youtube-nocookie.com"
		d.Watch = "https://www.youtube.com/watch?v=" + id
		d.Player = "https://www.youtube-nocookie.com/embed/" + id + "?autoplay=1"
		if start != "" {
			d.Watch += "&t=" + start
			d.Player += "&start=" + start
		}
	default:
		if !vimeoID.MatchString(id) {
			return Output{}, badVideo(c, id, diag.Textf("the number at the end of the video's address, vimeo.com/76979871"))
		}
		d.Provider, d.Host = "Vimeo", "player.vimeo.com"
		d.Watch = "https://vimeo.com/" + id
		d.Player = "https://player.vimeo.com/video/" + id + "?dnt=1&autoplay=1"
		if start != "" {
			d.Player += "#t=" + start + "s"
		}
	}
	return partial(c, s, "video", d)
}

func badVideo(c *Call, id string, what diag.Text) *diag.Problem {
	if id == "" {
		return diag.Errorf(diag.Pos{}, "shortcode %s needs the video's id", c.Name).WithHint("write {{< %s ID >}}, ID being %s", c.Name, what)
	}
	return diag.Errorf(diag.Pos{}, "shortcode %s: %q is not a video id", c.Name, id).WithHint("the id is %s", what)
}

// AudioData is what partials/shortcodes/audio.html receives.
type AudioData struct {
	Src, Type, Caption string
}

var audioTypes = map[string]string{".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".ogg": "audio/ogg", ".oga": "audio/ogg", ".opus": "audio/ogg", ".wav": "audio/wav", ".webm": "audio/webm", ".aac": "audio/aac", ".flac": "audio/flac"}

func audio(c *Call, s Set) (Output, *diag.Problem) {
	src := arg(c, "src", 0)
	if src == "" {
		return Output{}, required(c, diag.Textf("the sound file, src="), `{{< audio src="phong-van.mp3" caption="…" >}}`)
	}
	d := AudioData{Src: c.URL(src), Caption: arg(c, "caption", -1)}
	if i := strings.LastIndexByte(src, '.'); i >= 0 {
		d.Type = audioTypes[strings.ToLower(src[i:])]
	}
	return partial(c, s, "audio", d)
}

// BoxData is what partials/shortcodes/details.html and callout.html receive.
type BoxData struct {
	Kind    string // callout: note, warning or correction
	Title   string // details: the summary; callout: a title or ""
	Open    bool
	Class   string
	Content template.HTML
}

func details(c *Call, s Set) (Output, *diag.Problem) {
	d := BoxData{Title: arg(c, "summary", 0), Class: arg(c, "class", -1), Content: c.InnerHTML()}
	if d.Title == "" {
		d.Title = arg(c, "title", -1)
	}
	if open, ok := c.Get("open").(bool); ok {
		d.Open = open
	} else {
		d.Open = c.String("open") == "true"
	}
	return partial(c, s, "details", d)
}

var calloutKinds = []string{"note", "warning", "correction"}

func callout(c *Call, s Set) (Output, *diag.Problem) {
	kind := cmpOr(arg(c, "type", 0), "note")
	known := false
	for _, k := range calloutKinds {
		known = known || k == kind
	}
	if !known {
		return Output{}, diag.Errorf(diag.Pos{}, "shortcode callout: %q is not a kind of callout", kind).
			WithHint("write note, warning or correction: {{%% callout warning %%}}…{{%% /callout %%}}")
	}
	return partial(c, s, "callout", BoxData{Kind: kind, Title: arg(c, "title", -1), Content: c.InnerHTML()})
}

// highlight writes its inner content as a fenced block of its language,
// which the Markdown converter highlights.
func highlight(c *Call, _ Set) (Output, *diag.Problem) {
	lang := arg(c, "lang", 0)
	code := strings.Trim(c.InnerText(), "\n")
	fence := "```"
	for strings.Contains(code, fence) {
		fence += "`"
	}
	return Markdown("\n" + fence + lang + "\n" + code + "\n" + fence + "\n"), nil
}

var chartID = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// chartCall places a chart of the front matter, as a ```chart block
// naming only its id does.
func chartCall(c *Call, _ Set) (Output, *diag.Problem) {
	id := arg(c, "id", 0)
	if !chartID.MatchString(id) {
		if id == "" {
			return Output{}, required(c, diag.Textf("the id of a chart of the front matter"), "{{< chart bien-dong-2020 >}}")
		}
		return Output{}, diag.Errorf(diag.Pos{}, "shortcode chart: %q is not a chart id", id).
			WithHint("a chart's id is its id: in the front matter's charts, a-z, 0-9 and single hyphens")
	}
	return Markdown("\n```chart\nid: " + id + "\n```\n"), nil
}

func ref(c *Call, s Set) (Output, *diag.Problem) {
	target := arg(c, "path", 0)
	if target == "" {
		return Output{}, required(c, diag.Textf("the page it links to"), fmt.Sprintf(`[text]({{< %s "cong-thuong/bai-viet.md" >}})`, c.Name))
	}
	if s.Host == nil {
		return Text(target), nil
	}
	url, problem := s.Host.Ref(target, c.Name == "ref")
	if problem != nil {
		return Output{}, problem
	}
	return Text(url), nil
}

func param(c *Call, s Set) (Output, *diag.Problem) {
	key := arg(c, "key", 0)
	if key == "" {
		return Output{}, required(c, diag.Textf("a parameter's name"), `{{< param "nguon" >}}`)
	}
	if s.Host != nil {
		if v, ok := s.Host.Param(key); ok {
			return Text(fmt.Sprint(v)), nil
		}
	}
	return Output{}, diag.Errorf(diag.Pos{}, "shortcode param: neither the page nor the site has a parameter %s", key).
		WithHint("set it under params: in the front matter, or under [params] in almanac.toml")
}

func value(c *Call, s Set) (Output, *diag.Problem) {
	indicator, period := arg(c, "indicator", 0), arg(c, "period", 1)
	if indicator == "" {
		return Output{}, required(c, diag.Textf("an indicator of the page's figures"), "{{< value industry-output 2020 >}}")
	}
	if s.Host == nil {
		return Text(indicator), nil
	}
	text, problem := s.Host.Value(indicator, period)
	if problem != nil {
		return Output{}, problem
	}
	return Text(text), nil
}
