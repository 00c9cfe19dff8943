package gates

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// axeViolation is one serious or critical axe-core rule violation.
type axeViolation struct {
	ID      string    `json:"id"`
	Impact  string    `json:"impact"`
	Help    string    `json:"help"`
	HelpURL string    `json:"helpUrl"`
	Nodes   []axeNode `json:"nodes"`
}

// axeNode is one element that breaks the rule.
type axeNode struct {
	Target  []string `json:"target"` // CSS selectors, one per frame or shadow root
	Summary string   `json:"summary"`
}

// axeResult is what runAxe keeps of an audit.
type axeResult struct {
	Rules      int            `json:"rules"` // rules that applied to the page, passed or not
	Violations []axeViolation `json:"violations"`
}

// axeRunJS runs the axe-core audit over the document with the options
// given as JSON and keeps the serious and critical violations.
const axeRunJS = `axe.run(document, %s).then(r => ({
	rules: r.passes.length + r.violations.length,
	violations: r.violations
		.filter(v => v.impact === 'serious' || v.impact === 'critical')
		.map(v => ({id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
			nodes: v.nodes.map(n => ({
				target: n.target.map(s => Array.isArray(s) ? s.join(' >>> ') : String(s)),
				summary: n.failureSummary || '',
			})),
		})),
}))`

// The audits: every rule in the light colours, and the rules about colour
// again once the page has switched to its dark colours.
const (
	allRules    = `{resultTypes: ['violations']}`
	colourRules = `{resultTypes: ['violations'], runOnly: {type: 'rule', values: ['color-contrast', 'link-in-text-block']}}`
)

// injectAxe evaluates the axe-core source in the page, defining window.axe.
func injectAxe(t *testing.T, ctx context.Context, source string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](source)); err != nil {
		t.Fatalf("injecting axe-core: %v", err)
	}
}

// runAxe audits the page with the options given and fails the test for
// every serious or critical violation.
func runAxe(t *testing.T, ctx context.Context, page, mode, options string) {
	t.Helper()
	result, err := chromedp.Run(ctx, chromedp.Evaluate[axeResult](fmt.Sprintf(axeRunJS, options), chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: running axe-core: %v", page, err)
	}
	if result.Rules == 0 {
		t.Errorf("%s (%s): axe-core applied no rule at all: the audit did not run", page, mode)
	}
	for _, v := range result.Violations {
		t.Errorf("%s (%s): axe %s, %s: %s\n%s", page, mode, v.ID, v.Impact, v.Help, describeNodes(v))
	}
}

// describeNodes lists the elements of a violation, one per line, with what
// axe says is wrong with each.
func describeNodes(v axeViolation) string {
	var b strings.Builder
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\t%s\n", strings.Join(n.Target, " "))
		for line := range strings.Lines(n.Summary) {
			fmt.Fprintf(&b, "\t\t%s", line)
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "\tsee %s", v.HelpURL)
	return b.String()
}

// openDataTables opens every <details> of the page, so that the audit
// also covers the chart data tables the chart script folded away: readers
// without JavaScript, and readers who open them, see them.
func openDataTables(t *testing.T, ctx context.Context) {
	t.Helper()
	_, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('details').forEach(d => { d.open = true; })`))
	if err != nil {
		t.Fatal(err)
	}
}

// emulateDarkMode makes the page prefer dark colours, as a reader's system
// set to dark mode does.
func emulateDarkMode(t *testing.T, ctx context.Context) {
	t.Helper()
	_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}},
	})
	if err != nil {
		t.Fatal(err)
	}
}
