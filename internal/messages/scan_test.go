package messages

import (
	"go/ast"
	"go/constant"
	"go/parser"
	"go/printer"
	"go/token"
	"io/fs"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// use is one format string passed to a function that makes a problem.
type use struct {
	format string // the format; "" when it is not a constant
	pos    string // file:line of the call
	call   string // the function called, as written
	expr   string // the format argument as written, when not a constant
	args   string // the arguments after the format, as written
}

// sink is a function whose argument at index format is a format string
// that becomes a problem's message or hint.
type sink struct {
	pkg, recv, name string // recv is "" for a function, "*" for any method of that name
	format          int
}

// modulePackage is one parsed package of the module.
type modulePackage struct {
	path   string // import path
	files  []*ast.File
	consts map[string]ast.Expr
}

const modulePath = "github.com/almanac-news/almanac"

// parseModule parses every non-test Go file of the module at root.
func parseModule(t *testing.T, root string) (*token.FileSet, map[string]*modulePackage) {
	t.Helper()
	fset := token.NewFileSet()
	pkgs := map[string]*modulePackage{}
	err := filepath.WalkDir(root, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		base := d.Name()
		if d.IsDir() {
			if name != root && (strings.HasPrefix(base, ".") || strings.HasPrefix(base, "_") || base == "testdata" || base == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(base, ".go") || strings.HasSuffix(base, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(name))
		imp := path.Join(modulePath, filepath.ToSlash(rel))
		p := pkgs[imp]
		if p == nil {
			p = &modulePackage{path: imp, consts: map[string]ast.Expr{}}
			pkgs[imp] = p
		}
		p.files = append(p.files, f)
		for _, decl := range f.Decls {
			if g, ok := decl.(*ast.GenDecl); ok && g.Tok == token.CONST {
				for _, spec := range g.Specs {
					vs := spec.(*ast.ValueSpec)
					for i, n := range vs.Names {
						if i < len(vs.Values) {
							p.consts[n.Name] = vs.Values[i]
						}
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return fset, pkgs
}

// baseSinks are the functions of package diag that take a format.
var baseSinks = []sink{
	{pkg: modulePath + "/internal/diag", name: "Errorf", format: 1},
	{pkg: modulePath + "/internal/diag", name: "Warnf", format: 1},
	{pkg: modulePath + "/internal/diag", recv: "*", name: "WithHint", format: 0},
	{pkg: modulePath + "/internal/diag", name: "Textf", format: 0},
	{pkg: modulePath + "/internal/messages", name: "Sprintf", format: 1},
	{pkg: modulePath + "/internal/messages", name: "Format", format: 1},
}

// scanner finds every format string given to a sink.
type scanner struct {
	fset  *token.FileSet
	pkgs  map[string]*modulePackage
	sinks []sink
}

// findWrappers adds to the sinks every function that passes one of its
// string parameters, followed by a variadic one, as a sink's format,
// until no more are found.
func (s *scanner) findWrappers() {
	for grown := true; grown; {
		grown = false
		for _, p := range s.pkgs {
			for _, f := range p.files {
				for _, decl := range f.Decls {
					fd, ok := decl.(*ast.FuncDecl)
					if !ok || fd.Body == nil {
						continue
					}
					if w, ok := s.wrapper(p, f, fd); ok && !s.known(w) {
						s.sinks = append(s.sinks, w)
						grown = true
					}
				}
			}
		}
	}
}

func (s *scanner) known(w sink) bool {
	for _, k := range s.sinks {
		if k == w {
			return true
		}
	}
	return false
}

// wrapper reports whether fd hands its format parameter to a sink.
func (s *scanner) wrapper(p *modulePackage, f *ast.File, fd *ast.FuncDecl) (sink, bool) {
	var names []string
	variadic := false
	for _, field := range fd.Type.Params.List {
		n := max(len(field.Names), 1)
		for i := 0; i < n; i++ {
			name := ""
			if len(field.Names) > 0 {
				name = field.Names[i].Name
			}
			if id, ok := field.Type.(*ast.Ident); ok && id.Name == "string" {
				names = append(names, name)
			} else {
				names = append(names, "")
			}
		}
		if _, ok := field.Type.(*ast.Ellipsis); ok {
			variadic = true
		}
	}
	if !variadic {
		return sink{}, false
	}
	var found sink
	ok := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		call, isCall := n.(*ast.CallExpr)
		if !isCall || ok {
			return !ok
		}
		k, matched := s.sinkOf(p, f, call)
		if !matched || k.format >= len(call.Args) {
			return true
		}
		id, isIdent := call.Args[k.format].(*ast.Ident)
		if !isIdent {
			return true
		}
		for i, name := range names {
			if name != "" && name == id.Name && i == len(names)-2 {
				found = sink{pkg: p.path, name: fd.Name.Name, format: i}
				if fd.Recv != nil {
					found.recv = "*"
				}
				ok = true
			}
		}
		return true
	})
	return found, ok
}

// sinkOf returns the sink call calls, if it calls one.
func (s *scanner) sinkOf(p *modulePackage, f *ast.File, call *ast.CallExpr) (sink, bool) {
	switch fun := call.Fun.(type) {
	case *ast.Ident:
		for _, k := range s.sinks {
			if k.pkg == p.path && k.recv == "" && k.name == fun.Name {
				return k, true
			}
		}
	case *ast.SelectorExpr:
		if x, ok := fun.X.(*ast.Ident); ok {
			if imp, ok := importOf(f, x.Name); ok {
				for _, k := range s.sinks {
					if k.pkg == imp && k.recv == "" && k.name == fun.Sel.Name {
						return k, true
					}
				}
				return sink{}, false
			}
		}
		for _, k := range s.sinks {
			if k.recv == "*" && k.name == fun.Sel.Name && (k.pkg == p.path || ast.IsExported(k.name)) {
				return k, true
			}
		}
	}
	return sink{}, false
}

// importOf returns the path a file imports under name.
func importOf(f *ast.File, name string) (string, bool) {
	for _, spec := range f.Imports {
		imp, _ := strconv.Unquote(spec.Path.Value)
		local := path.Base(imp)
		if spec.Name != nil {
			local = spec.Name.Name
		}
		if local == name {
			return imp, true
		}
	}
	return "", false
}

// uses lists every call of a sink with its format, in function bodies
// and in the initial values of package-level variables.
func (s *scanner) uses() []use {
	var out []use
	for _, p := range s.pkgs {
		for _, f := range p.files {
			for _, decl := range f.Decls {
				if g, ok := decl.(*ast.GenDecl); ok && g.Tok == token.VAR {
					out = append(out, s.callsIn(p, f, g, nil, "")...)
				}
				fd, ok := decl.(*ast.FuncDecl)
				if !ok || fd.Body == nil {
					continue
				}
				own, isSink := s.wrapper(p, f, fd)
				ownFormat := ""
				if isSink && s.known(own) {
					ownFormat = paramName(fd, own.format)
				}
				out = append(out, s.callsIn(p, f, fd.Body, localConsts(fd.Body), ownFormat)...)
			}
		}
	}
	return out
}

// callsIn lists the calls of a sink under root; ownFormat is the format
// parameter of the wrapper root is the body of, which it hands on.
func (s *scanner) callsIn(p *modulePackage, f *ast.File, root ast.Node, local map[string]ast.Expr, ownFormat string) []use {
	var out []use
	ast.Inspect(root, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		k, ok := s.sinkOf(p, f, call)
		if !ok || k.format >= len(call.Args) {
			return true
		}
		arg := call.Args[k.format]
		if id, ok := arg.(*ast.Ident); ok && ownFormat != "" && id.Name == ownFormat {
			return true // a wrapper handing on its own format
		}
		u := use{pos: s.position(call), call: callName(s.fset, call.Fun)}
		var rest []string
		for _, a := range call.Args[k.format+1:] {
			rest = append(rest, exprString(s.fset, a))
		}
		u.args = strings.Join(rest, ", ")
		if v, ok := s.eval(p, f, local, arg); ok {
			u.format = v
		} else {
			u.expr = exprString(s.fset, arg)
		}
		out = append(out, u)
		return true
	})
	return out
}

func (s *scanner) position(n ast.Node) string {
	pos := s.fset.Position(n.Pos())
	return filepath.Base(filepath.Dir(pos.Filename)) + "/" + filepath.Base(pos.Filename) + ":" + strconv.Itoa(pos.Line)
}

// localConsts are the constants declared inside a function body.
func localConsts(body *ast.BlockStmt) map[string]ast.Expr {
	consts := map[string]ast.Expr{}
	ast.Inspect(body, func(n ast.Node) bool {
		if g, ok := n.(*ast.GenDecl); ok && g.Tok == token.CONST {
			for _, spec := range g.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, name := range vs.Names {
					if i < len(vs.Values) {
						consts[name.Name] = vs.Values[i]
					}
				}
			}
		}
		return true
	})
	return consts
}

// eval returns the value of a constant string expression.
func (s *scanner) eval(p *modulePackage, f *ast.File, local map[string]ast.Expr, e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		v := constant.MakeFromLiteral(e.Value, e.Kind, 0)
		return constant.StringVal(v), true
	case *ast.ParenExpr:
		return s.eval(p, f, local, e.X)
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		a, ok1 := s.eval(p, f, local, e.X)
		b, ok2 := s.eval(p, f, local, e.Y)
		return a + b, ok1 && ok2
	case *ast.Ident:
		if v, ok := local[e.Name]; ok {
			return s.eval(p, f, nil, v)
		}
		if v, ok := p.consts[e.Name]; ok {
			return s.eval(p, f, nil, v)
		}
	case *ast.SelectorExpr:
		if x, ok := e.X.(*ast.Ident); ok {
			if imp, ok := importOf(f, x.Name); ok && s.pkgs[imp] != nil {
				if v, ok := s.pkgs[imp].consts[e.Sel.Name]; ok {
					return s.eval(s.pkgs[imp], s.pkgs[imp].files[0], nil, v)
				}
			}
		}
	}
	return "", false
}

// paramName is the name of fd's parameter i.
func paramName(fd *ast.FuncDecl, i int) string {
	n := 0
	for _, field := range fd.Type.Params.List {
		for _, name := range field.Names {
			if n == i {
				return name.Name
			}
			n++
		}
		if len(field.Names) == 0 {
			n++
		}
	}
	return ""
}

func exprString(fset *token.FileSet, e ast.Expr) string {
	var b strings.Builder
	printer.Fprint(&b, fset, e)
	return b.String()
}

// callName is the function a call calls, without the receiver when that
// is itself a call: "diag.Errorf", "WithHint".
func callName(fset *token.FileSet, fun ast.Expr) string {
	if sel, ok := fun.(*ast.SelectorExpr); ok {
		if _, ok := sel.X.(*ast.Ident); !ok {
			return sel.Sel.Name
		}
	}
	return exprString(fset, fun)
}
