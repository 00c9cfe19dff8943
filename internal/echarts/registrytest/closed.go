package registrytest

import (
	"net"
	"testing"
)

// Closed returns the URL of a loopback port nothing listens on: a registry
// that cannot be reached, refusing at once.
func Closed(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr
}
