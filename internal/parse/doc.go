// Package parse is the stage that reads a site's content folder into the
// site model: it walks an fs.FS, splits each Markdown file's front matter
// (YAML between ---, TOML between +++, or a JSON object) from its body,
// decodes the front matter with positions, and places each page.
//
// Layout of the content folder (see docs/content.md for the full format):
//
//	_index.md                    home page title and intro
//	<name>.md, <name>/index.md   stand-alone page at /<name>/
//	<section>/_index.md          section title and intro, list at /<section>/
//	<section>/<slug>.md          article at /<section>/<slug>/
//	<section>/<slug>/index.md    article bundle; the files beside it are copied beside the page
//
// Every problem is reported with the file, line and column it comes from,
// in the file's own line numbers; Dir reports all of them, not only the
// first. Files are parsed on all cores.
package parse
