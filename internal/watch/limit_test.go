package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"testing"
)

func TestLimitError(t *testing.T) {
	tests := []struct {
		name  string
		err   error
		limit bool
		fix   string // in the message
	}{
		{"ENOSPC", syscall.ENOSPC, true, "sysctl fs.inotify.max_user_watches=524288"},
		{"EMFILE", syscall.EMFILE, true, "sysctl fs.inotify.max_user_instances"},
		{"wrapped ENOSPC", fmt.Errorf("add watch: %w", syscall.ENOSPC), true, "max_user_watches"},
		{"wrapped EMFILE", &os.SyscallError{Syscall: "inotify_init1", Err: syscall.EMFILE}, true, "max_user_instances"},
		{"message only, watches", errors.New("inotify_add_watch: no space left on device"), true, "max_user_watches"},
		{"message only, instances", errors.New("couldn't initialize inotify: too many open files"), true, "ulimit -n"},
		{"permission", syscall.EACCES, false, "permission denied"},
		{"missing", fs.ErrNotExist, false, "file does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := limitError("watch content/x", tt.err)
			if isLimit(tt.err) != tt.limit || errors.Is(err, ErrLimit) != tt.limit {
				t.Errorf("limit = %v, want %v", errors.Is(err, ErrLimit), tt.limit)
			}
			if !errors.Is(err, tt.err) {
				t.Errorf("%v does not wrap %v", err, tt.err)
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.fix) || !strings.Contains(msg, "watch content/x") {
				t.Errorf("message %q lacks %q or the operation", msg, tt.fix)
			}
		})
	}
}
