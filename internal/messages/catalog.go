package messages

// vietnamese is the catalog: English format → Vietnamese format. The
// entries are split by the package that uses them, in the vi_*.go files;
// a format used by two packages is in the first one's table.
var vietnamese = merge(viParse, viChart, viConfig, viRender, viBuild, viRest, viSections, viBundleFile, viShortcodes)

func merge(tables ...map[string]string) map[string]string {
	all := map[string]string{}
	for _, t := range tables {
		for k, v := range t {
			if prev, dup := all[k]; dup && prev != v {
				panic("messages: two Vietnamese entries for " + k)
			}
			all[k] = v
		}
	}
	return all
}
