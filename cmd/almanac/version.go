package main

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/almanac-news/almanac/internal/messages"
)

// Set at link time, for a release build without VCS stamping:
//
//	go build -ldflags "-X main.version=v1.2.0 -X main.commit=1a2b3c4 -X main.date=2026-03-01T10:00:00Z" ./cmd/almanac
var version, commit, date string

// versionText is what almanac version says.
type versionText struct {
	Short, Long, Example            string
	Line, Commit, Built, Go         string
	Devel, Unknown, Modified, NoVCS string
	CommitDate                      string
}

// versionMessages are what almanac version says, in English and
// Vietnamese.
var versionMessages = localized[versionText]{en: versionText{
	Short: "Print the version, commit and build date",
	Long: `Version prints the version of almanac, the commit of the source it was built from and
when it was built, as recorded in the program (the module version, the VCS stamp Go writes
into a binary built from a clone, or values set at link time). A binary from "go run" or built
without VCS information says so. "almanac --version" prints the same.`,
	Example:    "  almanac version\n  almanac --version",
	Line:       "almanac %s\n",
	Commit:     "commit  %s\n",
	Built:      "built   %s\n",
	Go:         "go      %s\n",
	Devel:      "devel",
	Unknown:    "unknown",
	Modified:   " (with uncommitted changes)",
	NoVCS:      "unknown (built without VCS information, as go run does)",
	CommitDate: "unknown; committed %s",
}, vi: versionText{
	Short: "In phiên bản, commit và ngày dựng",
	Long: `Version in phiên bản của almanac, commit của mã nguồn đã dựng ra nó và thời điểm dựng,
như được ghi trong chương trình (phiên bản module, dấu VCS mà Go ghi vào một tệp chạy dựng
từ một bản clone, hoặc giá trị đặt lúc link). Tệp chạy từ "go run" hay dựng không kèm thông
tin VCS sẽ nói rõ như vậy. "almanac --version" in đúng những dòng ấy.`,
	Example:    "  almanac version\n  almanac --version",
	Line:       "almanac %s\n",
	Commit:     "commit  %s\n",
	Built:      "dựng    %s\n",
	Go:         "go      %s\n",
	Devel:      "devel",
	Unknown:    "không rõ",
	Modified:   " (có thay đổi chưa commit)",
	NoVCS:      "không rõ (dựng không kèm thông tin VCS, như go run)",
	CommitDate: "không rõ; commit lúc %s",
}}

func init() { register(newVersionCommand) }

func newVersionCommand(c *cli) *cobra.Command {
	m := versionMessages.in(c.lang)
	return &cobra.Command{
		Use:     "version",
		Short:   m.Short,
		Long:    m.Long,
		Example: m.Example,
		Args:    c.noArgs,
		RunE: func(*cobra.Command, []string) error {
			fmt.Fprint(c.stdout, versionOf(c.lang))
			return nil
		},
	}
}

// versionOf is the version, commit, build date and Go of this binary, in l.
func versionOf(l messages.Language) string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		info = &debug.BuildInfo{}
	}
	return describeBuild(versionMessages.in(l), info, version, commit, date)
}

// describeBuild writes the build information; the link-time values, when
// set, take precedence over what Go recorded.
func describeBuild(m versionText, info *debug.BuildInfo, version, commit, date string) string {
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	if version == "" {
		version = info.Main.Version
	}
	if version == "" || version == "(devel)" {
		version = m.Devel
	}
	if commit == "" {
		commit = settings["vcs.revision"]
		if commit != "" && settings["vcs.modified"] == "true" {
			commit += m.Modified
		}
	}
	if commit == "" {
		commit = m.NoVCS
	}
	switch {
	case date != "":
	case settings["vcs.time"] != "":
		date = fmt.Sprintf(m.CommitDate, settings["vcs.time"])
	default:
		date = m.Unknown
	}
	goVersion := strings.TrimSpace(info.GoVersion)
	if goVersion == "" {
		goVersion = m.Unknown
	}
	if settings["GOOS"] != "" {
		goVersion += " " + settings["GOOS"] + "/" + settings["GOARCH"]
	}
	return fmt.Sprintf(m.Line, version) + fmt.Sprintf(m.Commit, commit) + fmt.Sprintf(m.Built, date) +
		fmt.Sprintf(m.Go, goVersion)
}
