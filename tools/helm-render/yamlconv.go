// Turns YAML text into plain Go values the way Helm and Kubernetes read it (YAML 1.1 booleans,
// duplicate keys rejected), on top of yaml.v3, which alone reads YAML 1.2.
package main

import (
	"fmt"

	"gopkg.in/yaml.v3"
)

// YAML 1.1 booleans that yaml.v3 (YAML 1.2) reads as strings. Helm's values and the API server
// both read YAML 1.1, so an unquoted `enabled: yes` is true there and must be true here too.
var yaml11Bools = map[string]bool{
	"y": true, "Y": true, "yes": true, "Yes": true, "YES": true, "on": true, "On": true, "ON": true,
	"n": false, "N": false, "no": false, "No": false, "NO": false, "off": false, "Off": false, "OFF": false,
}

// decodeOptions: numbersAsFloat reads every number as float64, as Helm's values are (they go
// through JSON), so that `{{ .Values.replicas }}` prints like Helm.
type decodeOptions struct {
	numbersAsFloat bool
}

// parseYAMLDocument reads one YAML document; an empty document gives nil.
func parseYAMLDocument(text []byte, opts decodeOptions) (interface{}, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		return nil, err
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil
	}
	return convertNode(doc.Content[0], opts)
}

func convertNode(n *yaml.Node, opts decodeOptions) (interface{}, error) {
	switch n.Kind {
	case yaml.AliasNode:
		return convertNode(n.Alias, opts)
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return convertNode(n.Content[0], opts)
	case yaml.SequenceNode:
		list := make([]interface{}, 0, len(n.Content))
		for _, item := range n.Content {
			v, err := convertNode(item, opts)
			if err != nil {
				return nil, err
			}
			list = append(list, v)
		}
		return list, nil
	case yaml.MappingNode:
		return convertMapping(n, opts)
	default:
		return convertScalar(n, opts)
	}
}

func convertMapping(n *yaml.Node, opts decodeOptions) (interface{}, error) {
	m := map[string]interface{}{}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		// `<<: *anchor` merges another mapping's keys; explicit keys win.
		if key.Tag == "!!merge" {
			if err := mergeInto(m, val, opts); err != nil {
				return nil, err
			}
			continue
		}
		k, err := convertScalar(key, opts)
		if err != nil {
			return nil, err
		}
		ks := fmt.Sprint(k)
		if line, dup := seen[ks]; dup {
			return nil, fmt.Errorf("line %d: mapping key %q already defined at line %d", key.Line, ks, line)
		}
		seen[ks] = key.Line
		v, err := convertNode(val, opts)
		if err != nil {
			return nil, err
		}
		m[ks] = v
	}
	return m, nil
}

func mergeInto(m map[string]interface{}, val *yaml.Node, opts decodeOptions) error {
	merged, err := convertNode(val, opts)
	if err != nil {
		return err
	}
	sources := []interface{}{merged}
	if list, ok := merged.([]interface{}); ok {
		sources = list
	}
	for _, src := range sources {
		if sm, ok := src.(map[string]interface{}); ok {
			for k, v := range sm {
				if _, set := m[k]; !set {
					m[k] = v
				}
			}
		}
	}
	return nil
}

func convertScalar(n *yaml.Node, opts decodeOptions) (interface{}, error) {
	if n.Kind == yaml.ScalarNode && n.Style == 0 && n.Tag == "!!str" {
		if b, ok := yaml11Bools[n.Value]; ok {
			return b, nil
		}
	}
	// Helm and Kubernetes convert YAML to JSON, where a date stays the string it was written as.
	if n.Tag == "!!timestamp" {
		return n.Value, nil
	}
	var v interface{}
	if err := n.Decode(&v); err != nil {
		return nil, fmt.Errorf("line %d: %v", n.Line, err)
	}
	if opts.numbersAsFloat {
		switch num := v.(type) {
		case int:
			return float64(num), nil
		case int64:
			return float64(num), nil
		case uint64:
			return float64(num), nil
		}
	}
	return v, nil
}
