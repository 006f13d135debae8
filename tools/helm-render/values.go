// Reads a chart's values.yaml and the -f files, deep-merged in order like `helm template -f`.
package main

import (
	"fmt"
	"os"
)

// loadValues returns values.yaml with each override file merged over it in turn: maps merge
// key by key, anything else (lists included) is replaced, and a null deletes the key, as in Helm.
func loadValues(chartDir string, overrides []string) (map[string]interface{}, error) {
	values, err := readValuesFile(chartDir+"/values.yaml", true)
	if err != nil {
		return nil, err
	}
	for _, file := range overrides {
		layer, err := readValuesFile(file, false)
		if err != nil {
			return nil, err
		}
		mergeValues(values, layer)
	}
	return values, nil
}

// readValuesFile: a chart may have no values.yaml (optional), but a named -f file must exist.
func readValuesFile(path string, optional bool) (map[string]interface{}, error) {
	text, err := os.ReadFile(path)
	if err != nil {
		if optional && os.IsNotExist(err) {
			return map[string]interface{}{}, nil
		}
		return nil, err
	}
	v, err := parseYAMLDocument(text, decodeOptions{numbersAsFloat: true})
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if v == nil {
		return map[string]interface{}{}, nil
	}
	m, ok := v.(map[string]interface{})
	if !ok {
		return nil, fmt.Errorf("%s: values must be a mapping", path)
	}
	return m, nil
}

func mergeValues(dst, src map[string]interface{}) {
	for k, v := range src {
		if v == nil {
			delete(dst, k)
			continue
		}
		srcMap, srcIsMap := v.(map[string]interface{})
		dstMap, dstIsMap := dst[k].(map[string]interface{})
		if srcIsMap && dstIsMap {
			mergeValues(dstMap, srcMap)
			continue
		}
		dst[k] = v
	}
}
