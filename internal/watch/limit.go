package watch

import (
	"errors"
	"fmt"
	"strings"
	"syscall"
)

// ErrLimit is wrapped by the errors that come from an inotify limit: too
// many watches (ENOSPC) or too many inotify instances or open files
// (EMFILE). Test for it with errors.Is.
var ErrLimit = errors.New("inotify limit reached")

// Fixes for the two inotify limits.
const (
	watchesHint = "raise the watch limit: sudo sysctl fs.inotify.max_user_watches=524288 " +
		"(add fs.inotify.max_user_watches=524288 to /etc/sysctl.conf to keep it after a reboot)"
	instancesHint = "raise the instance limit: sudo sysctl fs.inotify.max_user_instances=512 " +
		"(add fs.inotify.max_user_instances=512 to /etc/sysctl.conf to keep it), " +
		"or close other programs that watch files; if that is not enough, raise the open-file limit with ulimit -n"
)

// limitHint says how to fix err if it is an inotify limit, and "" if not.
// The messages are matched too, for errors that lost their errno on the way.
func limitHint(err error) string {
	if err == nil {
		return ""
	}
	msg := err.Error()
	switch {
	case errors.Is(err, syscall.ENOSPC), strings.Contains(msg, "no space left on device"):
		return watchesHint
	case errors.Is(err, syscall.EMFILE), strings.Contains(msg, "too many open files"):
		return instancesHint
	}
	return ""
}

func isLimit(err error) bool { return limitHint(err) != "" }

// limitError describes a failed operation. When an inotify limit is the
// cause it wraps ErrLimit and gives the fix.
func limitError(op string, err error) error {
	hint := limitHint(err)
	if hint == "" {
		return fmt.Errorf("watch: %s: %w", op, err)
	}
	return fmt.Errorf("watch: %s: %w (%w); %s", op, ErrLimit, err, hint)
}
