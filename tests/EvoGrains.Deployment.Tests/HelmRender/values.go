package main

import (
	"fmt"
	"io/ioutil"
	"strconv"
	"strings"

	yaml "gopkg.in/yaml.v2"
)

// readValuesFile reads a values file into the types helm's values have: helm converts YAML to JSON
// before decoding, so mappings are map[string]interface{} and every number is a float64.
func readValuesFile(path string) (map[string]interface{}, error) {
	raw, err := ioutil.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc interface{}
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if doc == nil {
		return map[string]interface{}{}, nil
	}
	values, ok := jsonLike(doc).(map[string]interface{})
	if !ok {
		return nil, fmt.Errorf("%s: the top level must be a mapping", path)
	}
	return values, nil
}

func jsonLike(v interface{}) interface{} {
	switch x := v.(type) {
	case map[interface{}]interface{}:
		m := make(map[string]interface{}, len(x))
		for k, e := range x {
			m[fmt.Sprint(k)] = jsonLike(e)
		}
		return m
	case []interface{}:
		for i, e := range x {
			x[i] = jsonLike(e)
		}
		return x
	case int:
		return float64(x)
	case int64:
		return float64(x)
	case uint64:
		return float64(x)
	default:
		return v
	}
}

// releaseValues merges the chart's values, then each -f file, then each --set, later ones winning,
// as helm does; a null removes the key it overrides.
func releaseValues(c *chart, files, sets []string) (map[string]interface{}, error) {
	values := deepCopy(c.values).(map[string]interface{})
	for _, f := range files {
		override, err := readValuesFile(f)
		if err != nil {
			return nil, err
		}
		values = coalesce(override, values)
	}
	for _, s := range sets {
		override, err := parseSet(s)
		if err != nil {
			return nil, err
		}
		values = coalesce(override, values)
	}
	return values, nil
}

// coalesce merges src over dst: mappings merge key by key, anything else in src replaces dst, and
// a null in src deletes the key.
func coalesce(src, dst map[string]interface{}) map[string]interface{} {
	for key, value := range src {
		if value == nil {
			delete(dst, key)
			continue
		}
		srcMap, srcIsMap := value.(map[string]interface{})
		dstMap, dstIsMap := dst[key].(map[string]interface{})
		if srcIsMap && dstIsMap {
			dst[key] = coalesce(srcMap, dstMap)
		} else {
			dst[key] = value
		}
	}
	return dst
}

func deepCopy(v interface{}) interface{} {
	switch x := v.(type) {
	case map[string]interface{}:
		m := make(map[string]interface{}, len(x))
		for k, e := range x {
			m[k] = deepCopy(e)
		}
		return m
	case []interface{}:
		l := make([]interface{}, len(x))
		for i, e := range x {
			l[i] = deepCopy(e)
		}
		return l
	default:
		return v
	}
}

// parseSet reads one --set entry, "a.b.c=value"; "\." keeps a dot inside a key. Like helm's --set,
// true/false become booleans, integers become int64 and null removes the key.
func parseSet(entry string) (map[string]interface{}, error) {
	eq := strings.Index(entry, "=")
	if eq <= 0 {
		return nil, fmt.Errorf("--set %q: expected key.path=value", entry)
	}
	keys := splitKey(entry[:eq])
	var value interface{} = entry[eq+1:]
	switch raw := entry[eq+1:]; {
	case raw == "true" || raw == "false":
		value = raw == "true"
	case raw == "null":
		value = nil
	default:
		if n, err := strconv.ParseInt(raw, 10, 64); err == nil {
			value = n
		}
	}
	root := map[string]interface{}{}
	node := root
	for _, k := range keys[:len(keys)-1] {
		child := map[string]interface{}{}
		node[k] = child
		node = child
	}
	node[keys[len(keys)-1]] = value
	return root, nil
}

func splitKey(path string) []string {
	var keys []string
	var current strings.Builder
	for i := 0; i < len(path); i++ {
		switch {
		case path[i] == '\\' && i+1 < len(path) && path[i+1] == '.':
			current.WriteByte('.')
			i++
		case path[i] == '.':
			keys = append(keys, current.String())
			current.Reset()
		default:
			current.WriteByte(path[i])
		}
	}
	return append(keys, current.String())
}
