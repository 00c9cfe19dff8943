#!/usr/bin/env bash
# compare.sh — Almanac and Hugo side by side on the same generated content.
#
#   go run ./internal/sitegen/cmd/gensite -articles 10000 -out /dev/shm/site10k
#   go build -o /tmp/almanac ./cmd/almanac
#   go install github.com/gohugoio/hugo@v0.160.1      # plain build, no extended tag
#   internal/sitegen/hugo/compare.sh /dev/shm/site10k /tmp/almanac [/dev/shm/cmp [RUNS]]
#
# Arguments: a site written by internal/sitegen's gensite (almanac.toml and content/), the
# almanac binary, an output root (default /dev/shm/cmp; tmpfs keeps the disk out of the
# figures) and the number of timed runs per tool (default 3; also $RUNS).
# Environment: HUGO, the hugo binary (default: hugo on $PATH, else $(go env GOPATH)/bin/hugo);
# KEEP=1 keeps the Hugo site and both outputs under the output root (by default the script
# removes everything it made there once it has counted the outputs).
#
# What it does:
#   1. Makes a Hugo site in OUTROOT/hugo-site: hugo.toml and layouts/ from this folder, and
#      content/ hard-linked from the generated site (copied if hard links fail). The generated
#      site itself is only read, but for Almanac's build cache (SITE/.almanac-cache), which is
#      removed before every Almanac build so that both tools build cold.
#   2. Builds once with each tool, to warm the page cache (and checks both builds succeed;
#      their logs are in OUTROOT/logs).
#   3. Alternates Hugo, Almanac, Hugo, Almanac… for RUNS runs, removing each destination
#      before each build, each under /usr/bin/time -v, and prints one line per build: tool,
#      wall, user and system seconds, maximum RSS in MiB and the files written
#      (find -type f | wc -l); then the Hugo/Almanac wall-time ratio of each pair.
#   4. Counts what each tool built (article pages, list pages by kind, redirects, feeds,
#      sitemaps, other files) in the last run's outputs.
#
# Front matter: Hugo reads sitegen's front matter as it is, so content/ is not transformed.
# sitegen writes title, date (with its +07:00 offset), author, summary (seven articles in
# ten), tags, and on one article in five figures and charts; section _index.md files have
# title and weight. Hugo takes summary as the page's summary, author and tags as taxonomies
# (see hugo.toml) and keeps figures and charts as page params nobody reads. `author` is a
# string on most articles and a list of two names on one in ten; Hugo accepts both for a
# taxonomy and keeps a string as one term. The ```chart blocks of the bodies are ordinary
# code blocks to Hugo. Hugo does not warn about any of it.
#
# The two builds do not do the same work. Almanac's theme draws more on each page (cards,
# related articles, Open Graph, structured data, charts) and Almanac also writes month lists
# (archive/), Atom feeds beside its RSS feeds, a news sitemap, robots.txt, a 404 page, theme
# assets and each chart's CSV file. Hugo's layouts here are minimal (see layouts/), and Hugo
# writes a page/1/ redirect for every paginated list. Step 4's counts show the difference.

set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

usage() {
	echo "usage: $0 SITE ALMANAC [OUTROOT [RUNS]]   (env: HUGO, RUNS, KEEP=1)" >&2
	exit 2
}
[[ $# -ge 2 && $# -le 4 ]] || usage
site=$(cd "$1" && pwd)
almanac=$2
out=${3:-/dev/shm/cmp}
runs=${4:-${RUNS:-3}}

[[ -f $site/almanac.toml && -d $site/content ]] || { echo "$site: not a generated site (no almanac.toml or content/)" >&2; exit 1; }
[[ -x $almanac ]] || { echo "$almanac: not an executable" >&2; exit 1; }
almanac=$(cd "$(dirname "$almanac")" && pwd)/$(basename "$almanac")
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "RUNS must be a positive number, not $runs" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "/usr/bin/time (GNU time) is needed" >&2; exit 1; }

hugo=${HUGO:-}
if [[ -z $hugo ]]; then
	hugo=$(command -v hugo || true)
	[[ -n $hugo ]] || hugo=$(go env GOPATH 2>/dev/null)/bin/hugo
fi
[[ -x $hugo ]] || { echo "hugo not found: install it with go install github.com/gohugoio/hugo@v0.160.1, or set HUGO" >&2; exit 1; }
hugo_version=$("$hugo" version)
case $hugo_version in
*v0.160.1*) ;;
*) echo "warning: the comparison was written for Hugo v0.160.1; this is: $hugo_version" >&2 ;;
esac

mkdir -p "$out"
out=$(cd "$out" && pwd)
case $out/ in
"$site"/*) echo "the output root must not be inside the site ($site)" >&2; exit 1 ;;
esac
case $site/ in
"$out"/*) echo "the site must not be inside the output root ($out)" >&2; exit 1 ;;
esac

hsite=$out/hugo-site
dest_hugo=$out/out-hugo
dest_alm=$out/out-almanac
logs=$out/logs

cleanup() {
	if [[ ${KEEP:-0} != 1 ]]; then
		rm -rf "$hsite" "$dest_hugo" "$dest_alm" "$logs"
		rmdir "$out" 2>/dev/null || true
	fi
}
trap cleanup EXIT

echo "site:    $site ($(find "$site/content" -type f -name '*.md' | wc -l) Markdown files)"
echo "almanac: $almanac"
echo "hugo:    $hugo ($hugo_version)"
echo "output:  $out, $runs runs per tool"

# 1. The Hugo site.
rm -rf "$hsite" "$dest_hugo" "$dest_alm" "$logs"
mkdir -p "$hsite" "$logs"
cp "$here/hugo.toml" "$hsite/"
cp -R "$here/layouts" "$hsite/"
if ! cp -al "$site/content" "$hsite/content" 2>/dev/null; then
	rm -rf "$hsite/content"
	cp -a "$site/content" "$hsite/content"
fi

# run TOOL LABEL: one build under /usr/bin/time -v, its destination removed first; prints
# "wall user sys maxrss_kib files".
run() {
	local tool=$1 label=$2 dest
	local -a cmd
	if [[ $tool == hugo ]]; then
		dest=$dest_hugo
		cmd=("$hugo" --source "$hsite" --destination "$dest_hugo" --quiet)
	else
		dest=$dest_alm
		cmd=("$almanac" build --source "$site" --dest "$dest_alm" --quiet)
	fi
	rm -rf "$dest" "$site/.almanac-cache"
	if ! /usr/bin/time -v -o "$logs/$label.time" "${cmd[@]}" >"$logs/$label.log" 2>&1; then
		echo "$tool build failed ($label); see $logs/$label.log:" >&2
		tail -20 "$logs/$label.log" >&2
		exit 1
	fi
	local files
	files=$(find "$dest" -type f | wc -l)
	awk -v files="$files" -F': ' '
		/Elapsed \(wall clock\)/ { n = split($2, t, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + t[i] }
		/User time \(seconds\)/ { u = $2 }
		/System time \(seconds\)/ { s = $2 }
		/Maximum resident set size/ { r = $2 }
		END { printf "%.2f %.2f %.2f %d %d\n", w, u, s, r, files }' "$logs/$label.time"
}

echo "timed:   rm -rf $dest_hugo; /usr/bin/time -v $hugo --source $hsite --destination $dest_hugo --quiet"
echo "         rm -rf $dest_alm $site/.almanac-cache; /usr/bin/time -v $almanac build --source $site --dest $dest_alm --quiet"

# 2. Warm-up builds, also the check that both tools build the site; the Hugo one is not quiet
# so that its log shows any warning.
echo
echo "warm-up: hugo"
rm -rf "$dest_hugo"
"$hugo" --source "$hsite" --destination "$dest_hugo" >"$logs/warm-hugo.log" 2>&1 || { cat "$logs/warm-hugo.log" >&2; exit 1; }
grep -E 'WARN|ERROR' "$logs/warm-hugo.log" >&2 || true
echo "warm-up: almanac"
rm -rf "$dest_alm" "$site/.almanac-cache"
"$almanac" build --source "$site" --dest "$dest_alm" >"$logs/warm-almanac.log" 2>&1 || { cat "$logs/warm-almanac.log" >&2; exit 1; }
tail -1 "$logs/warm-almanac.log"

# 3. Timed runs. The load average before and after shows whether other jobs shared the CPUs.
echo
echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-4s %-8s %8s %8s %8s %12s %7s\n' run tool "wall s" "user s" "sys s" "max RSS MiB" files
declare -a hw aw
for ((i = 1; i <= runs; i++)); do
	for tool in hugo almanac; do
		read -r w u s r f < <(run "$tool" "$tool-$i")
		printf '%-4s %-8s %8.2f %8.2f %8.2f %12.0f %7d\n' "$i" "$tool" "$w" "$u" "$s" "$(awk -v r="$r" 'BEGIN { print r / 1024 }')" "$f"
		if [[ $tool == hugo ]]; then hw[i]=$w; else aw[i]=$w; fi
	done
done
echo "load average after the runs:  $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "Hugo wall / Almanac wall, per pair:"
for ((i = 1; i <= runs; i++)); do
	awk -v i="$i" -v h="${hw[i]}" -v a="${aw[i]}" 'BEGIN { printf "  run %d: %.2f s / %.2f s = %.1f×\n", i, h, a, h / a }'
done

# 4. What each built, from the last run's outputs.
sections=$(cd "$site/content" && find . -mindepth 2 -name _index.md -printf '%h\n' | sed 's|^\./||' | tr '\n' ' ')
count() { # DEST: one "kind count" line per kind
	local dest=$1
	(cd "$dest" && find . -type f -name '*.html' -size -4k -exec grep -l 'http-equiv="refresh"' {} + | sed 's|^\./||' | sort) >"$logs/redirects"
	(cd "$dest" && find . -type f | sed 's|^\./||' | sort) |
		awk -v sections="$sections" -v redirects="$logs/redirects" '
		BEGIN {
			n = split(sections, s, " "); for (i = 1; i <= n; i++) sec[s[i]] = 1
			while ((getline line < redirects) > 0) redir[line] = 1
		}
		{
			p = $0; m = split(p, c, "/"); base = c[m]; top = c[1]
			dir = p; sub(/\/index\.html$/, "", dir); list = dir; sub(/\/page\/[0-9]+$/, "", list)
			parent = dir; sub(/\/[^\/]*$/, "", parent)
			if (p in redir) k = "redirects (page/1/)"
			else if (base ~ /sitemap.*\.xml$/) k = "sitemaps"
			else if (base == "index.xml" || base == "atom.xml") k = "feeds (RSS + Atom)"
			else if (p == "index.html" || p ~ /^page\/[0-9]+\/index\.html$/) k = "home (and its further pages)"
			else if (list in sec && base == "index.html") k = "list pages: sections"
			else if (parent in sec && base == "index.html") k = "article pages"
			else if (top == "tags" && base == "index.html") k = "list pages: tags (and the tag index)"
			else if ((top == "author" || top == "authors") && base == "index.html") k = "list pages: authors (and the index)"
			else if (top == "archive" && base == "index.html") k = "list pages: archive and months"
			else if (base ~ /\.csv$/) k = "chart CSV files"
			else if (top == "assets") k = "theme assets"
			else k = "other: " p
			kinds[k]++
		}
		END { for (k in kinds) printf "%s\t%d\n", k, kinds[k] }'
}
count "$dest_hugo" >"$logs/count-hugo"
count "$dest_alm" >"$logs/count-almanac"
echo
echo "What each built (last run):"
printf '  %-40s %9s %9s\n' "" Almanac Hugo
printf '  %-40s %9d %9d\n' files "$(find "$dest_alm" -type f | wc -l)" "$(find "$dest_hugo" -type f | wc -l)"
printf '  %-40s %9s %9s\n' "output size" "$(du -sh "$dest_alm" | cut -f1)" "$(du -sh "$dest_hugo" | cut -f1)"
cut -f1 "$logs/count-almanac" "$logs/count-hugo" | sort -u | while IFS= read -r k; do
	a=$(awk -F'\t' -v k="$k" '$1 == k { print $2 }' "$logs/count-almanac")
	h=$(awk -F'\t' -v k="$k" '$1 == k { print $2 }' "$logs/count-hugo")
	printf '  %-40s %9s %9s\n' "$k" "${a:-—}" "${h:-—}"
done
