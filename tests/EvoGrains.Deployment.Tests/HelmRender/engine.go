package main

import (
	"fmt"
	"io"
	"regexp"
	"strings"
	"text/template"

	yaml "gopkg.in/yaml.v2"
)

// Markers around the messages of fail and required, so the error report shows the chart's message
// and where it was raised rather than the whole chain of includes (as helm's engine does).
const (
	errStart = "HELM_ERR_START"
	errEnd   = "HELM_ERR_END"
	// helm's limit on nested includes of one template name.
	maxIncludeDepth = 1000
)

var errMessage = regexp.MustCompile(errStart + `((?s).*)` + errEnd)

// parseChart parses every template of the chart into one set, so each can include the others'
// definitions; missingkey=zero is helm's default (non-strict) mode.
func parseChart(c *chart) (*template.Template, error) {
	t := template.New("gotpl").Option("missingkey=zero")
	addHelmFuncs(t)
	for _, f := range c.templates {
		if _, err := t.New(f.name).Parse(f.text); err != nil {
			return nil, fmt.Errorf("parse error in %v", strings.TrimPrefix(err.Error(), "template: "))
		}
	}
	return t, nil
}

// render executes every non-partial template with the top-level object and returns each output,
// keyed by template name.
func render(c *chart, top map[string]interface{}) (map[string]string, error) {
	t, err := parseChart(c)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, f := range c.templates {
		if isPartial(f.name) {
			continue
		}
		top["Template"] = map[string]interface{}{"Name": f.name, "BasePath": c.metadata.Name + "/templates"}
		var buf strings.Builder
		if err := t.ExecuteTemplate(&buf, f.name, top); err != nil {
			return nil, execError(f.name, err)
		}
		// Go prints "<no value>" for a missing key even with missingkey=zero; helm removes it.
		out[f.name] = strings.ReplaceAll(buf.String(), "<no value>", "")
	}
	return out, nil
}

// execError reports "execution error at (file:line:col): message" for fail and required, as helm does.
func execError(name string, err error) error {
	if _, ok := err.(template.ExecError); !ok {
		return err
	}
	tokens := strings.SplitN(err.Error(), ": ", 3)
	if len(tokens) != 3 {
		return fmt.Errorf("execution error in (%s): %v", name, err)
	}
	if parts := errMessage.FindStringSubmatch(tokens[2]); len(parts) >= 2 {
		return fmt.Errorf("execution error at (%s): %s", tokens[1], parts[1])
	}
	return err
}

// addHelmFuncs gives the template set sprig's functions (less env and expandenv, which helm
// removes) and the ones helm adds; include and tpl close over the set.
func addHelmFuncs(t *template.Template) {
	funcs := helmFuncMap()
	depth := map[string]int{}
	funcs["include"] = func(name string, data interface{}) (string, error) {
		if depth[name] > maxIncludeDepth {
			return "", fmt.Errorf("rendering template has a nested reference name: %s", name)
		}
		depth[name]++
		defer func() { depth[name]-- }()
		var buf strings.Builder
		err := t.ExecuteTemplate(&buf, name, data)
		return buf.String(), err
	}
	funcs["tpl"] = func(text string, data interface{}) (string, error) {
		clone, err := t.Clone()
		if err != nil {
			return "", err
		}
		name := "tpl"
		if top, ok := data.(map[string]interface{}); ok {
			if tmpl, ok := top["Template"].(map[string]interface{}); ok {
				name = fmt.Sprint(tmpl["Name"])
			}
		}
		parsed, err := clone.New(name).Parse(text)
		if err != nil {
			return "", err
		}
		var buf strings.Builder
		if err := parsed.Execute(&buf, data); err != nil {
			return "", err
		}
		return strings.ReplaceAll(buf.String(), "<no value>", ""), nil
	}
	t.Funcs(funcs)
}

// splitManifests cuts one template's output into its YAML documents as helm does: at "---" lines,
// each trimmed, empty ones dropped.
var documentSeparator = regexp.MustCompile("(?:^|\\s*\n)---\\s*")

func splitManifests(text string) []string {
	var docs []string
	for _, d := range documentSeparator.Split(strings.TrimSpace(text), -1) {
		if d = strings.TrimSpace(d); d != "" {
			docs = append(docs, d)
		}
	}
	return docs
}

// printManifests writes the output of `helm template`: each document under a "# Source:" line, in
// template-name order (helm sorts by kind for installation; the order carries no meaning here).
// A document that is not valid YAML fails the render, as it fails helm's sorting step.
func printManifests(w io.Writer, c *chart, rendered map[string]string, notes bool) {
	for _, f := range c.templates {
		text, ok := rendered[f.name]
		if !ok || (isNotes(f.name) && !notes) {
			continue
		}
		if isNotes(f.name) {
			fmt.Fprintf(w, "---\n# Source: %s\n%s\n", f.name, strings.TrimSpace(text))
			continue
		}
		for _, doc := range splitManifests(text) {
			var head interface{}
			if err := yaml.Unmarshal([]byte(doc), &head); err != nil {
				fail(fmt.Errorf("YAML parse error on %s: %v", f.name, err))
			}
			fmt.Fprintf(w, "---\n# Source: %s\n%s\n", f.name, doc)
		}
	}
}
