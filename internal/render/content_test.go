package render

import (
	"errors"
	"html/template"
	"io"
	"strings"
	"testing"
)

// unreadable is a body whose store fails, as a build's temporary file
// could.
type unreadable struct{}

func (unreadable) HTML() (template.HTML, error) { return "", errors.New("the body's file is gone") }

// TestUnreadableBodyFailsThePage: a body that cannot be read back fails
// its page's rendering with the reason, rather than writing the page
// without its text.
func TestUnreadableBodyFailsThePage(t *testing.T) {
	s := fixtureSite()
	page := s.Pages[0]
	page.Rendered = unreadable{}
	out, ok := plan(t, loadDefaultTheme(t, "vi"), s)[strings.TrimPrefix(page.URL, "/")+"index.html"]
	if !ok {
		t.Fatalf("no output for %s", page.URL)
	}
	if err := out.Render(io.Discard); err == nil || !strings.Contains(err.Error(), "the body's file is gone") {
		t.Errorf("rendering %s: %v", out.Path, err)
	}
}
