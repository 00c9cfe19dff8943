package render

import (
	"html/template"
	"strconv"
	"strings"
	"text/template/parse"

	"github.com/almanac-news/almanac/internal/diag"
)

// keyUse is one call of a function with a literal first argument, such
// as {{T "key"}}, in a template.
type keyUse struct {
	key string
	pos diag.Pos
}

// literalArgs lists the literal first arguments of every call of the
// function fn in the template sets, each template file once.
func literalArgs(sets []*template.Template, fn string) []keyUse {
	seen := map[string]bool{}
	var uses []keyUse
	for _, set := range sets {
		for _, tmpl := range set.Templates() {
			tree := tmpl.Tree
			if tree == nil || tree.Root == nil || seen[tree.ParseName+"\x00"+tmpl.Name()] {
				continue
			}
			seen[tree.ParseName+"\x00"+tmpl.Name()] = true
			walkCommands(tree.Root, func(cmd *parse.CommandNode) {
				if key, ok := literalArg(cmd, fn); ok {
					location, _ := tree.ErrorContext(key)
					uses = append(uses, keyUse{key: key.Text, pos: locationPos(location)})
				}
			})
		}
	}
	return uses
}

// literalArg returns the first argument of a `fn "literal" …` command.
func literalArg(cmd *parse.CommandNode, fn string) (*parse.StringNode, bool) {
	if len(cmd.Args) < 2 {
		return nil, false
	}
	if ident, ok := cmd.Args[0].(*parse.IdentifierNode); !ok || ident.Ident != fn {
		return nil, false
	}
	key, ok := cmd.Args[1].(*parse.StringNode)
	return key, ok
}

// walkCommands calls visit for every command of every pipeline under node.
func walkCommands(node parse.Node, visit func(*parse.CommandNode)) {
	switch n := node.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, child := range n.Nodes {
			walkCommands(child, visit)
		}
	case *parse.ActionNode:
		walkPipe(n.Pipe, visit)
	case *parse.TemplateNode:
		walkPipe(n.Pipe, visit)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, visit)
	}
}

func walkBranch(b *parse.BranchNode, visit func(*parse.CommandNode)) {
	walkPipe(b.Pipe, visit)
	walkCommands(b.List, visit)
	walkCommands(b.ElseList, visit)
}

func walkPipe(pipe *parse.PipeNode, visit func(*parse.CommandNode)) {
	if pipe == nil {
		return
	}
	for _, cmd := range pipe.Cmds {
		visit(cmd)
		for _, arg := range cmd.Args {
			if inner, ok := arg.(*parse.PipeNode); ok {
				walkPipe(inner, visit)
			}
		}
	}
}

// locationPos parses a template location "NAME:LINE:COL" into a position
// under layouts/, with columns counted from 1.
func locationPos(location string) diag.Pos {
	rest, col, _ := cutLastNumber(location)
	name, line, ok := cutLastNumber(rest)
	if !ok {
		return diag.Pos{File: layoutsDir + "/" + location}
	}
	return diag.Pos{File: layoutsDir + "/" + name, Line: line, Col: col + 1} // templates count columns from 0
}

// cutLastNumber splits "a:b:12" into "a:b" and 12.
func cutLastNumber(s string) (string, int, bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return s, 0, false
	}
	n, err := strconv.Atoi(s[i+1:])
	return s[:i], n, err == nil
}
