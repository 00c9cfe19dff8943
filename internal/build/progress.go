package build

import "sync/atomic"

// Phase is a stage of a build, as progress reports it.
type Phase int32

const (
	Starting Phase = iota // configuration, theme
	Reading               // content files parsed and their bodies rendered
	Planning              // pages planned, feeds and sitemaps made, links checked
	Writing               // pages rendered and written
	Finished
)

// Progress is how far a build has got. The build updates it as it goes;
// another goroutine may read it at any time (Options.Progress).
type Progress struct {
	phase       atomic.Int32
	done, total atomic.Int64
}

// Now returns the phase, and how many of its items (content files while
// Reading, pages while Writing) are done of how many; 0 of 0 in the
// other phases.
func (p *Progress) Now() (phase Phase, done, total int) {
	return Phase(p.phase.Load()), int(p.done.Load()), int(p.total.Load())
}

// enter starts a phase of total items; a nil Progress does nothing, as
// do its other methods.
func (p *Progress) enter(phase Phase, total int) {
	if p == nil {
		return
	}
	p.total.Store(int64(total))
	p.done.Store(0)
	p.phase.Store(int32(phase))
}

// step counts one item of the phase done.
func (p *Progress) step() {
	if p != nil {
		p.done.Add(1)
	}
}
