package watch

import "strings"

// ignoredName reports whether a file or folder name belongs to an editor,
// the operating system or a tool rather than to the site:
//
//   - names starting with "." (vim swap files .x.swp, Emacs locks .#x,
//     .DS_Store, .git, the temporary files of most atomic saves);
//   - backups ending in "~" (vim, Emacs) and Emacs autosaves "#x#";
//   - vim swap files "x.swp", "x.swo", "x.swx" and its "4913" probe, written
//     to check that the folder is writable;
//   - JetBrains safe-write files "x___jb_tmp___" and "x___jb_old___".
func ignoredName(name string) bool {
	switch {
	case name == "", name == "4913":
		return true
	case strings.HasPrefix(name, "."), strings.HasSuffix(name, "~"):
		return true
	case len(name) > 1 && strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"):
		return true
	}
	for _, suffix := range []string{".swp", ".swo", ".swx", "___jb_tmp___", "___jb_old___"} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}
