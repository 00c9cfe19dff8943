// Package almanac holds the default theme, embedded in the binary so that
// `almanac build` works on any site folder. The repository root is also the
// example site: its layouts/ and assets/ folders are that theme.
package almanac

import (
	"embed"
	"io/fs"
)

//go:embed layouts assets
var theme embed.FS

// Theme returns the default theme: a file system holding layouts/ and assets/.
func Theme() fs.FS { return theme }
