package serve

import "github.com/almanac-news/almanac/internal/messages"

// overlayText is every word the overlay or the warnings panel shows
// besides the problems themselves, in the site's language; reload.js
// writes them as they are.
type overlayText struct {
	Title     string `json:"title"`     // "Build failed: 2 problems", "The site built, with 1 warning."
	Intro     string `json:"intro"`     // what the preview shows meanwhile; "" for the panel
	Hide      string `json:"hide"`      // the button that hides it
	WholeSite string `json:"wholeSite"` // where a problem about the whole site is
	Warning   string `json:"warning"`   // after a warning's position
	Fix       string `json:"fix"`       // before a hint
	SeeAlso   string `json:"seeAlso"`   // before the other places involved
}

// problemText are the words every problem box shows.
func problemText(l messages.Language) overlayText {
	return overlayText{
		Hide:      messages.Format(l, "Hide"),
		WholeSite: messages.Format(l, "Whole site"),
		Warning:   messages.Format(l, ": warning"),
		Fix:       messages.Format(l, "Fix: "),
		SeeAlso:   messages.Format(l, "See also: "),
	}
}

// errorsText are the words of the overlay of a failed build with n
// problems; built says whether the preview still shows a good build.
func errorsText(l messages.Language, n int, built bool) overlayText {
	t := problemText(l)
	t.Title = messages.Sprintf(l, "Build failed: %s", messages.Count(l, n, "problem"))
	if built {
		t.Intro = messages.Format(l, "The preview shows the last good build. Fix the files and save; this panel closes by itself. ")
	} else {
		t.Intro = messages.Format(l, "No build has succeeded yet, so there is no page to show. Fix the files and save; the site appears by itself. ")
	}
	return t
}

// warningsText are the words of the panel of a good build's n warnings.
func warningsText(l messages.Language, n int) overlayText {
	t := problemText(l)
	t.Title = messages.Sprintf(l, "The site built, with %s. ", messages.Count(l, n, "warning"))
	return t
}
