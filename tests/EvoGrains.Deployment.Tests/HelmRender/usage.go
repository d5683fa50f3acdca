package main

import (
	"sort"
	"strings"
	"text/template/parse"
)

// The values usage analysis walks the parse trees of every template and definition and lists the
// .Values paths they reference, each as
//
//	whole <path>   the value is printed or handed to a function (toYaml, include, dict...), so all of its subtree is used
//	read  <path>   only the value itself is tested (a bare `if` or `with` condition)
//
// A `with .Values.x` body sees "." as .Values.x, and `$v := .Values.x` makes $v stand for it, so
// their field references resolve to full paths too.

// scope is what "." or a variable denotes: the top-level object, a path under .Values, or unknown.
type scope struct {
	root  bool
	known bool
	path  []string
}

var (
	rootScope    = scope{root: true, known: true}
	unknownScope = scope{}
)

type usageWalker struct {
	uses map[string]bool
}

func valuesUsage(c *chart) ([]string, error) {
	t, err := parseChart(c)
	if err != nil {
		return nil, err
	}
	w := &usageWalker{uses: map[string]bool{}}
	for _, tmpl := range t.Templates() {
		if tmpl.Tree != nil && tmpl.Tree.Root != nil {
			w.list(tmpl.Tree.Root, rootScope, map[string]scope{"$": rootScope})
		}
	}
	var lines []string
	for u := range w.uses {
		lines = append(lines, u)
	}
	sort.Strings(lines)
	return lines, nil
}

func (w *usageWalker) list(l *parse.ListNode, dot scope, vars map[string]scope) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		w.node(n, dot, vars)
	}
}

func (w *usageWalker) node(n parse.Node, dot scope, vars map[string]scope) {
	switch x := n.(type) {
	case *parse.ActionNode:
		w.pipe(x.Pipe, dot, vars, "whole")
	case *parse.IfNode:
		w.pipe(x.Pipe, dot, vars, "read")
		w.list(x.List, dot, copyVars(vars))
		w.list(x.ElseList, dot, copyVars(vars))
	case *parse.WithNode:
		inner := w.pipe(x.Pipe, dot, vars, "read")
		w.list(x.List, inner, copyVars(vars))
		w.list(x.ElseList, dot, copyVars(vars))
	case *parse.RangeNode:
		w.pipe(x.Pipe, dot, vars, "whole")
		w.list(x.List, unknownScope, copyVars(vars))
		w.list(x.ElseList, dot, copyVars(vars))
	case *parse.TemplateNode:
		w.pipe(x.Pipe, dot, vars, "whole")
	case *parse.ListNode:
		w.list(x, dot, vars)
	}
}

// pipe records the references of a pipeline and returns what its value denotes when it is one bare
// reference (for with and variable declarations). A bare reference is recorded as bareUse; every
// argument of a function call as a whole use.
func (w *usageWalker) pipe(p *parse.PipeNode, dot scope, vars map[string]scope, bareUse string) scope {
	if p == nil {
		return unknownScope
	}
	result := unknownScope
	if len(p.Cmds) == 1 && len(p.Cmds[0].Args) == 1 {
		result = w.resolve(p.Cmds[0].Args[0], dot, vars)
		if len(p.Decl) == 0 {
			w.record(result, bareUse)
		}
	} else {
		for _, cmd := range p.Cmds {
			for _, arg := range cmd.Args {
				w.arg(arg, dot, vars)
			}
		}
	}
	for _, v := range p.Decl {
		if p.IsAssign {
			vars[v.Ident[0]] = unknownScope
		} else {
			vars[v.Ident[0]] = result
		}
	}
	return result
}

func (w *usageWalker) arg(n parse.Node, dot scope, vars map[string]scope) {
	switch x := n.(type) {
	case *parse.PipeNode:
		w.pipe(x, dot, vars, "whole")
	case *parse.ChainNode:
		if inner, ok := x.Node.(*parse.PipeNode); ok {
			w.pipe(inner, dot, vars, "whole")
		}
		w.record(w.resolve(x, dot, vars), "whole")
	default:
		w.record(w.resolve(n, dot, vars), "whole")
	}
}

// resolve says what a field, variable, chain or dot node denotes.
func (w *usageWalker) resolve(n parse.Node, dot scope, vars map[string]scope) scope {
	switch x := n.(type) {
	case *parse.DotNode:
		return dot
	case *parse.FieldNode:
		return descend(dot, x.Ident)
	case *parse.VariableNode:
		base, ok := vars[x.Ident[0]]
		if !ok {
			return unknownScope
		}
		return descend(base, x.Ident[1:])
	case *parse.ChainNode:
		if inner, ok := x.Node.(*parse.PipeNode); ok && len(inner.Cmds) == 1 && len(inner.Cmds[0].Args) == 1 {
			return descend(w.resolve(inner.Cmds[0].Args[0], dot, vars), x.Field)
		}
	}
	return unknownScope
}

func descend(s scope, fields []string) scope {
	if !s.known {
		return unknownScope
	}
	if s.root {
		if len(fields) == 0 || fields[0] != "Values" {
			return scope{root: len(fields) == 0, known: len(fields) == 0}
		}
		return scope{known: true, path: append([]string{}, fields[1:]...)}
	}
	return scope{known: true, path: append(append([]string{}, s.path...), fields...)}
}

func (w *usageWalker) record(s scope, use string) {
	if s.known && !s.root && len(s.path) > 0 {
		w.uses[use+" "+strings.Join(s.path, ".")] = true
	}
}

func copyVars(vars map[string]scope) map[string]scope {
	c := make(map[string]scope, len(vars))
	for k, v := range vars {
		c[k] = v
	}
	return c
}
