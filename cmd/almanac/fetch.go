package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/almanac-news/almanac/internal/config"
	"github.com/almanac-news/almanac/internal/echarts"
)

// fetchText is what almanac fetch says.
type fetchText struct {
	Short, Long, Example     string
	Registry, Cache, Output  string
	Failed, BadConfiguration string
}

// fetchMessages are what almanac fetch says, in English and Vietnamese.
var fetchMessages = localized[fetchText]{en: fetchText{
	Short: "Download the chart library ahead of time, for builds without network",
	Long: `Fetch downloads the pinned Apache ECharts packages from the npm registry (checking their
integrity), bundles the chart library and keeps it in the cache folder ($ALMANAC_CACHE, else
~/.cache/almanac), so that later builds on this machine need no network. With --output it also
writes the bundle to a file, with FILE.sha256 beside it: copy both into a site and set
chart_library in its almanac.toml to the file's path, and every machine builds that site's charts
without the registry. The registry is --registry, else $ALMANAC_NPM_REGISTRY, $npm_config_registry
or the site's chart_registry, else https://registry.npmjs.org.`,
	Example: `  almanac fetch
  almanac fetch --registry https://npm.example.org/
  almanac fetch -o vendor/echarts.js   # then chart_library = "vendor/echarts.js" in almanac.toml`,
	Registry:         "npm registry `URL` to download from (default: $ALMANAC_NPM_REGISTRY, $npm_config_registry, the site's chart_registry, https://registry.npmjs.org)",
	Cache:            "cache `folder` (default: $ALMANAC_CACHE, else ~/.cache/almanac)",
	Output:           "also write the bundle to `FILE`, with FILE.sha256 beside it",
	Failed:           "%v",
	BadConfiguration: "the site's almanac.toml has errors; fix them first:\n%v",
}, vi: fetchText{
	Short: "Tải trước thư viện biểu đồ, để dựng trang khi không có mạng",
	Long: `Fetch tải các gói Apache ECharts đã ghim phiên bản từ npm registry (có kiểm tra tính toàn
vẹn), đóng gói thư viện biểu đồ và giữ nó trong thư mục cache ($ALMANAC_CACHE, nếu không thì
~/.cache/almanac), để những lần dựng sau trên máy này không cần mạng. Với --output, lệnh còn
ghi gói vào một tệp, kèm FILE.sha256 bên cạnh: chép cả hai vào một trang và đặt chart_library
trong almanac.toml của trang đó là đường dẫn của tệp, thì máy nào cũng dựng được biểu đồ của
trang mà không cần registry. Registry là --registry, nếu không thì $ALMANAC_NPM_REGISTRY,
$npm_config_registry hoặc chart_registry của trang, nếu không nữa thì https://registry.npmjs.org.`,
	Example: `  almanac fetch
  almanac fetch --registry https://npm.example.org/
  almanac fetch -o vendor/echarts.js   # rồi đặt chart_library = "vendor/echarts.js" trong almanac.toml`,
	Registry:         "`URL` của npm registry để tải về (mặc định: $ALMANAC_NPM_REGISTRY, $npm_config_registry, chart_registry của trang, https://registry.npmjs.org)",
	Cache:            "thư mục cache `DIR` (mặc định: $ALMANAC_CACHE, nếu không thì ~/.cache/almanac)",
	Output:           "ghi thêm gói vào tệp `FILE`, kèm FILE.sha256 bên cạnh",
	Failed:           "%v",
	BadConfiguration: "almanac.toml của trang có lỗi; hãy sửa trước:\n%v",
}}

func init() { register(newFetchCommand) }

func newFetchCommand(c *cli) *cobra.Command {
	m := fetchMessages.in(c.lang)
	var registry, cache, output, source string
	cmd := &cobra.Command{
		Use:     "fetch",
		Short:   m.Short,
		Long:    m.Long,
		Example: m.Example,
		Args:    c.noArgs,
	}
	fl := cmd.Flags()
	fl.StringVarP(&source, "source", "s", ".", flagMessages.in(c.lang).Source)
	fl.StringVar(&registry, "registry", "", m.Registry)
	fl.StringVar(&cache, "cache", "", m.Cache)
	fl.StringVarP(&output, "output", "o", "", m.Output)
	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		cfg, problems := config.Load(os.DirFS(source), "almanac.toml")
		if err := problems.Err(); err != nil {
			return c.fail(cmd, m.BadConfiguration, localizedError(c.lang, err))
		}
		var log io.Writer = c.stderr
		if c.quiet {
			log = io.Discard
		}
		warmed, err := echarts.Warm(context.Background(), echarts.Options{
			Registry: registry, SiteRegistry: cfg.ChartRegistry, CacheDir: cache, Log: log,
		}, output)
		if err != nil {
			return c.fail(cmd, m.Failed, err)
		}
		if !c.quiet {
			fmt.Fprintln(c.stdout, warmed)
		}
		return nil
	}
	return cmd
}
