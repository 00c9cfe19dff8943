package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// eventsPath is the Server-Sent Events stream that reload.js listens to.
const eventsPath = "/_almanac/events"

// clientBuffer is how many events a slow page may fall behind before it is
// dropped; its EventSource reconnects and, seeing a newer build in the
// "hello" event, reloads.
const clientBuffer = 32

// event is one Server-Sent Event, encoded once for every client.
type event struct {
	name string
	wire []byte // "event: name\ndata: {...}\n\n"
}

// newEvent encodes data as JSON, which holds no raw newline, so it fits
// on one data line.
func newEvent(name string, data any) event {
	body, err := json.Marshal(data)
	if err != nil { // only plain structs of strings and numbers are encoded
		panic(fmt.Sprintf("serve: encoding %s event: %v", name, err))
	}
	return event{name: name, wire: fmt.Appendf(nil, "event: %s\ndata: %s\n\n", name, body)}
}

// helloEvent is the data of "hello", the first event of every stream.
type helloEvent struct {
	Instance string `json:"instance"` // changes when the server restarts
	Build    uint64 `json:"build"`    // the current good build, 0 before the first
}

// client is one open event stream.
type client struct {
	events  chan event
	dropped chan struct{} // closed when the hub gave up on a slow client
}

// hub tracks the open event streams and the error state of the last build.
type hub struct {
	mu      sync.Mutex
	clients map[*client]struct{}
	failure *event // the "errors" event of the last build, nil when it succeeded
	notice  *event // the "warnings" event of the last good build, nil when it had none
}

func newHub() *hub {
	return &hub{clients: map[*client]struct{}{}}
}

// join registers a new client and returns it with the events it must get
// first: the current warnings and failure, if any. Registering and reading
// them under one lock means no event falls between them.
func (h *hub) join() (*client, []event) {
	c := &client{events: make(chan event, clientBuffer), dropped: make(chan struct{})}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.clients[c] = struct{}{}
	var first []event
	for _, ev := range []*event{h.notice, h.failure} {
		if ev != nil {
			first = append(first, *ev)
		}
	}
	return c, first
}

// leave unregisters c; it may be called after the hub dropped c.
func (h *hub) leave(c *client) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.clients, c)
}

// count returns how many clients are registered.
func (h *hub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}

// setFailure records the error state new clients get, and reports
// whether the previous build had failed.
func (h *hub) setFailure(ev *event) (wasFailing bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	wasFailing = h.failure != nil
	h.failure = ev
	return wasFailing
}

// setNotice records the warnings new clients get, and reports whether the
// previous good build had some.
func (h *hub) setNotice(ev *event) (hadWarnings bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	hadWarnings = h.notice != nil
	h.notice = ev
	return hadWarnings
}

// broadcast queues events for every client, dropping clients whose queue is full.
func (h *hub) broadcast(events ...event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		for _, ev := range events {
			select {
			case c.events <- ev:
				continue
			default:
			}
			delete(h.clients, c)
			close(c.dropped)
			break
		}
	}
}

// serveEvents streams events to one page until it goes away, the hub
// drops it or the server shuts down.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	rc := http.NewResponseController(w)

	c, pending := s.events.join()
	defer s.events.leave(c)
	build := uint64(0)
	if snap := s.current.Load(); snap != nil {
		build = snap.build
	}
	// retry: reconnect within a second when the stream breaks (a restart).
	first := append([]byte("retry: 1000\n"), newEvent("hello", helloEvent{Instance: s.instance, Build: build}).wire...)
	for _, ev := range pending {
		first = append(first, ev.wire...)
	}
	if !send(w, rc, first) {
		return
	}
	ping := time.NewTicker(s.pingPeriod)
	defer ping.Stop()
	for {
		select {
		case ev := <-c.events:
			if !send(w, rc, ev.wire) {
				return
			}
		case <-ping.C:
			if !send(w, rc, []byte(": ping\n\n")) {
				return
			}
		case <-c.dropped:
			return
		case <-r.Context().Done():
			return
		case <-s.closing:
			return
		}
	}
}

// send writes and flushes p, reporting whether the client is still there.
func send(w http.ResponseWriter, rc *http.ResponseController, p []byte) bool {
	if _, err := w.Write(p); err != nil {
		return false
	}
	return rc.Flush() == nil
}
