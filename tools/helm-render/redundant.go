// The --redundant check: a values file should set only what differs from the values it is
// merged over (values.yaml and the -f files before it).
package main

import (
	"fmt"
	"reflect"
	"sort"
)

// redundantKeys lists each key of `layer` whose value changes nothing when merged over
// `under`: a scalar or list equal to the value already there, or a null where no value is.
// Mappings are compared key by key, as mergeValues merges them.
func redundantKeys(under, layer map[string]interface{}, path string) []string {
	keys := make([]string, 0, len(layer))
	for k := range layer {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var found []string
	for _, k := range keys {
		v := layer[k]
		at := k
		if path != "" {
			at = path + "." + k
		}
		old, present := under[k]
		if layerMap, ok := v.(map[string]interface{}); ok {
			if oldMap, ok := old.(map[string]interface{}); ok {
				found = append(found, redundantKeys(oldMap, layerMap, at)...)
			}
			continue
		}
		if v == nil && (!present || old == nil) {
			found = append(found, at+": null where no value is set")
		} else if v != nil && reflect.DeepEqual(old, v) {
			found = append(found, fmt.Sprintf("%s: %v, as already set", at, v))
		}
	}
	return found
}

// checkRedundant loads values.yaml, then merges each -f file over it after listing what in that
// file changes nothing. Exit 0 when every key of every file changes something, 1 otherwise.
func checkRedundant(o options) int {
	values, err := readValuesFile(o.chartDir+"/values.yaml", true)
	if err != nil {
		return fail(err)
	}
	status := 0
	for _, file := range o.valueFiles {
		layer, err := readValuesFile(file, false)
		if err != nil {
			return fail(err)
		}
		for _, key := range redundantKeys(values, layer, "") {
			fmt.Printf("%s: %s\n", file, key)
			status = 1
		}
		mergeValues(values, layer)
	}
	return status
}
