package main

import (
	"encoding/json"
	"errors"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig"
	yaml "gopkg.in/yaml.v2"
)

// helmFuncMap is helm's function map (pkg/engine/funcs.go): sprig's text functions without env and
// expandenv, plus toYaml/fromYaml/toJson/fromJson, required, fail with helm's error markers, and
// lookup, which answers an empty object when no cluster is connected (as `helm template` does).
// include and tpl are added by addHelmFuncs.
func helmFuncMap() template.FuncMap {
	f := sprig.TxtFuncMap()
	delete(f, "env")
	delete(f, "expandenv")
	f["toYaml"] = toYAML
	f["mustToYaml"] = mustToYAML
	f["fromYaml"] = fromYAML
	f["fromYamlArray"] = fromYAMLArray
	f["toJson"] = toJSON
	f["mustToJson"] = mustToJSON
	f["fromJson"] = fromJSON
	f["fromJsonArray"] = fromJSONArray
	f["required"] = required
	f["fail"] = func(msg string) (string, error) { return "", errors.New(errStart + msg + errEnd) }
	f["lookup"] = func(apiVersion, kind, namespace, name string) (map[string]interface{}, error) {
		return map[string]interface{}{}, nil
	}
	return f
}

func required(message string, value interface{}) (interface{}, error) {
	if s, ok := value.(string); value == nil || (ok && s == "") {
		return value, errors.New(errStart + message + errEnd)
	}
	return value, nil
}

// toYAML marshals the way helm's sigs.k8s.io/yaml does: through JSON, so keys come out sorted and
// numbers without a fraction print as integers; the trailing newline is dropped.
func toYAML(v interface{}) string {
	s, err := mustToYAML(v)
	if err != nil {
		return ""
	}
	return s
}

func mustToYAML(v interface{}) (string, error) {
	j, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	var obj interface{}
	if err := yaml.Unmarshal(j, &obj); err != nil {
		return "", err
	}
	out, err := yaml.Marshal(obj)
	if err != nil {
		return "", err
	}
	return strings.TrimSuffix(string(out), "\n"), nil
}

func fromYAML(text string) map[string]interface{} {
	m := map[string]interface{}{}
	var doc interface{}
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		m["Error"] = err.Error()
		return m
	}
	if parsed, ok := jsonLike(doc).(map[string]interface{}); ok {
		return parsed
	}
	return m
}

func fromYAMLArray(text string) []interface{} {
	var doc interface{}
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		return []interface{}{err.Error()}
	}
	if parsed, ok := jsonLike(doc).([]interface{}); ok {
		return parsed
	}
	return []interface{}{}
}

func toJSON(v interface{}) string {
	s, _ := mustToJSON(v)
	return s
}

func mustToJSON(v interface{}) (string, error) {
	out, err := json.Marshal(v)
	return string(out), err
}

func fromJSON(text string) map[string]interface{} {
	m := map[string]interface{}{}
	if err := json.Unmarshal([]byte(text), &m); err != nil {
		m["Error"] = err.Error()
	}
	return m
}

func fromJSONArray(text string) []interface{} {
	var a []interface{}
	if err := json.Unmarshal([]byte(text), &a); err != nil {
		a = []interface{}{err.Error()}
	}
	return a
}
