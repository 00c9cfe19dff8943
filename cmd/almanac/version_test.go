package main

import (
	"runtime/debug"
	"testing"
)

func TestDescribeBuild(t *testing.T) {
	stamped := &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v1.4.0"}, Settings: []debug.BuildSetting{
		{Key: "GOOS", Value: "linux"}, {Key: "GOARCH", Value: "amd64"},
		{Key: "vcs.revision", Value: "1a2b3c4d5e6f"}, {Key: "vcs.time", Value: "2026-03-01T10:00:00Z"}, {Key: "vcs.modified", Value: "true"},
	}}
	for _, tc := range []struct {
		name                string
		info                *debug.BuildInfo
		version, commit, at string
		want                string
	}{
		{"go install of a tagged module", stamped, "", "", "",
			"almanac v1.4.0\ncommit  1a2b3c4d5e6f (with uncommitted changes)\nbuilt   unknown; committed 2026-03-01T10:00:00Z\ngo      go1.26.0 linux/amd64\n"},
		{"link-time values", stamped, "v2.0.0", "abcdef0", "2026-04-01T00:00:00Z",
			"almanac v2.0.0\ncommit  abcdef0\nbuilt   2026-04-01T00:00:00Z\ngo      go1.26.0 linux/amd64\n"},
		{"go run", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "(devel)"}}, "", "", "",
			"almanac devel\ncommit  unknown (built without VCS information, as go run does)\nbuilt   unknown\ngo      go1.26.0\n"},
	} {
		if got := describeBuild(versionMessages.en, tc.info, tc.version, tc.commit, tc.at); got != tc.want {
			t.Errorf("%s:\ngot\n%s\nwant\n%s", tc.name, got, tc.want)
		}
	}
}
