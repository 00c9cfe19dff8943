package output_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/almanac-news/almanac"
	"github.com/almanac-news/almanac/internal/build"
)

// childEnv, when set, makes the test binary a child build instead of a
// test run: it holds a childBuild in JSON.
const childEnv = "ALMANAC_OUTPUT_CHILD_BUILD"

// childBuild is what a child build builds.
type childBuild struct {
	Site, Dest, BaseURL string
}

// childStarted is the line a child writes just before it starts building.
const childStarted = "building"

var buildTime = time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)

func TestMain(m *testing.M) {
	if spec := os.Getenv(childEnv); spec != "" {
		os.Exit(runChild(spec))
	}
	os.Exit(m.Run())
}

// runChild builds the site spec names and returns the exit status.
func runChild(spec string) int {
	var c childBuild
	if err := json.Unmarshal([]byte(spec), &c); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	fmt.Println(childStarted)
	if _, err := runBuild(c); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

func runBuild(c childBuild) (*build.Result, error) {
	return build.Run(context.Background(), build.Options{
		Site: os.DirFS(c.Site), Theme: almanac.Theme(), Dest: c.Dest, BaseURL: c.BaseURL, Now: buildTime,
	})
}

// writeSite writes a site of n articles, a few kilobytes each, into a new
// folder.
func writeSite(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	write := func(name, data string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		must(t, os.MkdirAll(filepath.Dir(p), 0o755))
		must(t, os.WriteFile(p, []byte(data), 0o644))
	}
	write("almanac.toml", "title = \"Bản tin\"\nlanguage = \"vi\"\ntime_zone = \"Asia/Ho_Chi_Minh\"\n")
	body := strings.Repeat("Giá trị sản xuất công nghiệp năm 2020 ước đạt trên 68.800 tỷ đồng, giảm 1,7% so với năm 2019. ", 30)
	for i := range n {
		write(fmt.Sprintf("content/muc-%d/bai-%d.md", i%5, i), fmt.Sprintf(
			"---\ntitle: Bài số %d\ndate: 2020-%02d-%02dT08:00:00+07:00\ntags: [Thẻ %d]\n---\n%s\n\n## Phần hai\n\n%s\n",
			i, 1+i%12, 1+i%28, i%20, body, body))
	}
	return dir
}

// readTree reads every file and folder under root: slash path → content
// and mode. It returns nil when root does not exist.
func readTree(t *testing.T, root string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		content := "<dir>"
		if !d.IsDir() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			content = string(data)
		}
		rel, _ := filepath.Rel(root, p)
		got[filepath.ToSlash(rel)] = fmt.Sprintf("%v %s", info.Mode(), content)
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
		return nil
	}
	must(t, err)
	return got
}

// differences describes how got differs from want, in a few paths.
func differences(got, want map[string]string) string {
	var diffs []string
	for p, w := range want {
		if g, ok := got[p]; !ok {
			diffs = append(diffs, p+" missing")
		} else if g != w {
			diffs = append(diffs, p+" differs")
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			diffs = append(diffs, p+" extra")
		}
	}
	if len(diffs) > 5 {
		diffs = append(diffs[:5], fmt.Sprintf("and %d more", len(diffs)-5))
	}
	return strings.Join(diffs, ", ")
}

func equalTrees(a, b map[string]string) bool { return a != nil && differences(a, b) == "" }

// startChild starts a child build and waits until it starts building.
func startChild(t *testing.T, c childBuild) *exec.Cmd {
	t.Helper()
	spec, err := json.Marshal(c)
	must(t, err)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+string(spec))
	out, err := cmd.StdoutPipe()
	must(t, err)
	cmd.Stderr = os.Stderr
	must(t, cmd.Start())
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || strings.TrimSpace(line) != childStarted {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		t.Fatalf("the child build did not start: %q, %v", line, err)
	}
	return cmd
}

// leftovers lists the hidden folders of builds beside dest.
func leftovers(t *testing.T, dest string) []string {
	t.Helper()
	found, err := filepath.Glob(filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".*"))
	must(t, err)
	return found
}

// TestKilledBuildKeepsCompleteOutput kills child builds at random moments
// and checks that the destination is always one complete build, old or
// new, and that the next build cleans up what a killed one left.
func TestKilledBuildKeepsCompleteOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("kills 20 builds")
	}
	site := writeSite(t, 100)
	dest := filepath.Join(t.TempDir(), "public")
	variants := []childBuild{
		{Site: site, Dest: dest, BaseURL: "https://a.example/"},
		{Site: site, Dest: dest, BaseURL: "https://b.example/"},
	}
	trees := referenceTrees(t, variants)

	// Two builds that run to the end: the second, which replaces a tree as
	// the killed ones do, gives the time the kills spread over. Killed
	// builds also remove what the one before left, and take longer: the
	// kills spread over a quarter more.
	var took time.Duration
	for i, v := range variants {
		cmd := startChild(t, v)
		start := time.Now()
		must(t, cmd.Wait())
		took = time.Since(start) * 5 / 4
		if got := readTree(t, dest); !equalTrees(got, trees[i]) {
			t.Fatalf("a child build differs from the reference: %s", differences(got, trees[i]))
		}
	}
	t.Logf("kills spread over %v", took.Round(time.Millisecond))

	const seed, kills = 20201230, 20
	rng := rand.New(rand.NewPCG(seed, seed))
	current, built, leftBehind := 1, 0, 0
	for i := range kills {
		next := 1 - current
		// The i-th kill falls at a random moment of the i-th twentieth of the build.
		delay := time.Duration((float64(i) + rng.Float64()) / kills * float64(took))
		switch got := killedBuild(t, variants[next], delay); {
		case equalTrees(got, trees[current]):
		case equalTrees(got, trees[next]):
			built++
			current = next
		default:
			t.Fatalf("kill %d after %v: public/ is neither the old nor the new build: %s", i, delay, differences(got, trees[next]))
		}
		if len(leftovers(t, dest)) > 0 {
			leftBehind++
		}
	}
	t.Logf("seed %d: %d kills left the old build, %d the new one; %d left folders for the next build to clean up",
		seed, kills-built, built, leftBehind)

	_, err := runBuild(variants[0])
	must(t, err)
	if got := readTree(t, dest); !equalTrees(got, trees[0]) {
		t.Errorf("the build after the kills differs: %s", differences(got, trees[0]))
	}
	if left := leftovers(t, dest); len(left) > 0 {
		t.Errorf("the build after the kills left %v", left)
	}
}

// referenceTrees builds each variant, elsewhere than its destination, and
// returns the trees; they must differ.
func referenceTrees(t *testing.T, variants []childBuild) []map[string]string {
	t.Helper()
	var trees []map[string]string
	for _, v := range variants {
		v.Dest = filepath.Join(t.TempDir(), "public")
		res, err := runBuild(v)
		must(t, err)
		t.Logf("reference build: %v", res)
		trees = append(trees, readTree(t, v.Dest))
	}
	if equalTrees(trees[0], trees[1]) {
		t.Fatal("the two variants build the same tree")
	}
	return trees
}

// killedBuild starts the build c in a child process, kills it delay after
// it starts building, and returns the destination's tree.
func killedBuild(t *testing.T, c childBuild, delay time.Duration) map[string]string {
	t.Helper()
	cmd := startChild(t, c)
	time.Sleep(delay)
	_ = cmd.Process.Signal(syscall.SIGKILL) // fails when the build already ended
	_ = cmd.Wait()
	return readTree(t, c.Dest)
}

// mount runs mount(8) with args, the last being the mount point, and
// unmounts it when the test ends; it skips the test when it cannot mount.
func mount(t *testing.T, args ...string) {
	t.Helper()
	runMount(t, args...)
	target := args[len(args)-1]
	t.Cleanup(func() {
		if out, err := exec.Command("umount", target).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", target, err, out)
		}
	})
}

// failedBuild runs the build c, which must fail with an error holding
// every string of want, and checks that the destination kept tree and that
// no staging folder was left beside it.
func failedBuild(t *testing.T, c childBuild, tree map[string]string, want ...string) error {
	t.Helper()
	_, err := runBuild(c)
	if err == nil {
		t.Fatalf("the build succeeded; want an error with %q", want)
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("err = %v\nwant it to contain %q", err, w)
		}
	}
	if got := readTree(t, c.Dest); !equalTrees(got, tree) && tree != nil {
		t.Errorf("the failed build changed the destination: %s", differences(got, tree))
	}
	if left := leftovers(t, c.Dest); len(left) > 0 {
		t.Errorf("the failed build left %v", left)
	}
	return err
}

// runMount runs mount(8) with args, skipping the test when it fails.
func runMount(t *testing.T, args ...string) {
	t.Helper()
	if out, err := exec.Command("mount", args...).CombinedOutput(); err != nil {
		t.Skipf("cannot mount here (mount %s: %v: %s); this test needs root and a system that allows mounts",
			strings.Join(args, " "), err, bytes.TrimSpace(out))
	}
}

func TestUnwritableDestination(t *testing.T) {
	site := writeSite(t, 3)
	t.Run("folder holding the destination", func(t *testing.T) {
		parent := filepath.Join(t.TempDir(), "out")
		c := childBuild{Site: site, Dest: filepath.Join(parent, "public")}
		_, err := runBuild(c)
		must(t, err)
		before := readTree(t, c.Dest)
		reason := "permission denied"
		if os.Geteuid() == 0 { // root writes whatever the modes say
			mount(t, "--bind", parent, parent)
			runMount(t, "-o", "remount,bind,ro", parent, parent)
			reason = "read-only file system"
		} else {
			must(t, os.Chmod(parent, 0o555))
			t.Cleanup(func() { _ = os.Chmod(parent, 0o755) })
		}
		err = failedBuild(t, c, before, "cannot build into "+c.Dest, "creating a staging folder in "+parent, reason)
		t.Log(err)
	})
	t.Run("file where a folder should be", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "out")
		must(t, os.WriteFile(file, []byte("a file"), 0o644))
		c := childBuild{Site: site, Dest: filepath.Join(file, "public")}
		err := failedBuild(t, c, nil, "cannot build into "+c.Dest, file, "not a directory")
		t.Log(err)
	})
}

func TestFullDisk(t *testing.T) {
	disk := filepath.Join(t.TempDir(), "disk")
	must(t, os.Mkdir(disk, 0o755))
	mount(t, "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk)
	site := writeSite(t, 3)
	c := childBuild{Site: site, Dest: filepath.Join(disk, "public")}
	_, err := runBuild(c)
	must(t, err)
	before := readTree(t, c.Dest)
	big := "---\ntitle: Bài rất dài\ndate: 2020-12-30\n---\n" + strings.Repeat("Một đoạn văn dài về sản xuất công nghiệp.\n\n", 70000)
	must(t, os.WriteFile(filepath.Join(site, "content", "muc-0", "dai.md"), []byte(big), 0o644))
	err = failedBuild(t, c, before, "no space left on device", "into "+c.Dest)
	if strings.Contains(err.Error(), "template") {
		t.Errorf("a full disk is blamed on a template: %v", err)
	}
	if !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("errors.Is(err, ENOSPC) is false: %v", err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
