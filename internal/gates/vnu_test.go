package gates

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os/exec"
	"strings"
	"testing"
)

// vnuMessage is one message of vnu's JSON output.
type vnuMessage struct {
	Type      string `json:"type"` // error, info or non-document-error
	SubType   string `json:"subType"`
	URL       string `json:"url"` // file:/… of the page
	LastLine  int    `json:"lastLine"`
	FirstLine int    `json:"firstLine"`
	Column    int    `json:"firstColumn"`
	Message   string `json:"message"`
	Extract   string `json:"extract"`
}

// checkHTML runs the Nu HTML Checker once over every page of the sites and
// fails the test for each error, named file:line:col.
func checkHTML(t *testing.T, sites []builtSite) {
	java, err := exec.LookPath("java")
	if err != nil {
		skipOrFail(t, "no java on PATH (%v); install Debian's default-jre-headless package", err)
	}
	jar := toolFile(t, vnuJar())
	args := []string{"-jar", jar, "--errors-only", "--format", "json"}
	pages := 0
	for _, s := range sites {
		for _, p := range s.Pages {
			args = append(args, s.file(p))
			pages++
		}
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(java, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run() // exits 1 when it found errors: the JSON says which
	var out struct {
		Messages []vnuMessage `json:"messages"`
	}
	if err := json.Unmarshal(stderr.Bytes(), &out); err != nil {
		t.Fatalf("vnu: %v (%v)\nstdout: %s\nstderr: %s", runErr, err, stdout.Bytes(), stderr.Bytes())
	}
	for _, m := range out.Messages {
		if m.Type == "info" {
			continue
		}
		line := m.FirstLine // set only when the message spans lines
		if line == 0 {
			line = m.LastLine
		}
		t.Errorf("%s:%d:%d: vnu %s: %s\n\t%s", pagePath(sites, m.URL), line, m.Column,
			m.Type, m.Message, strings.ReplaceAll(strings.TrimSpace(m.Extract), "\n", "↵"))
	}
	if runErr != nil && len(out.Messages) == 0 {
		t.Errorf("vnu failed without a message: %v\n%s", runErr, stdout.Bytes())
	}
	t.Logf("vnu %s checked %d pages of %d sites", vnuJar().Version, pages, len(sites))
}

// pagePath turns vnu's file: URL back into site/path, for a shorter message.
func pagePath(sites []builtSite, fileURL string) string {
	u, err := url.Parse(fileURL)
	if err != nil || u.Scheme != "file" {
		return fileURL
	}
	for _, s := range sites {
		if rel, ok := strings.CutPrefix(u.Path, s.Public+"/"); ok {
			return s.Name + ":" + rel
		}
	}
	return u.Path
}
