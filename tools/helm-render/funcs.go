// The template functions: sprig's map plus Helm's own (toYaml, include, required, ...).
package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig"
	"gopkg.in/yaml.v3"
)

// helmFuncs returns sprig's functions with Helm's additions. include and tpl need the parsed
// template set, which exists only after parsing: they look it up through `set` when called.
func helmFuncs(set **template.Template) template.FuncMap {
	f := sprig.TxtFuncMap()
	// Helm removes these so that a chart renders the same on every machine.
	delete(f, "env")
	delete(f, "expandenv")
	f["toYaml"] = toYAML
	f["mustToYaml"] = mustToYAML
	f["fromYaml"] = fromYAML
	f["toJson"] = toJSON
	f["mustToJson"] = mustToJSON
	f["fromJson"] = fromJSON
	f["required"] = required
	f["fail"] = func(msg string) (string, error) { return "", chartError{msg} }
	// No cluster to ask: like `helm template`, lookup finds nothing.
	f["lookup"] = func(apiVersion, kind, namespace, name string) (map[string]interface{}, error) {
		return map[string]interface{}{}, nil
	}
	f["include"] = func(name string, data interface{}) (string, error) {
		var buf bytes.Buffer
		if err := (*set).ExecuteTemplate(&buf, name, data); err != nil {
			return "", err
		}
		return buf.String(), nil
	}
	f["tpl"] = func(text string, data interface{}) (string, error) {
		return renderTpl(*set, text, data)
	}
	return f
}

// renderTpl renders a string as a template, with the chart's named templates available; it
// is named after the calling template, as in Helm, so that errors point at that file.
func renderTpl(set *template.Template, text string, data interface{}) (string, error) {
	clone, err := set.Clone()
	if err != nil {
		return "", err
	}
	name := "tpl"
	if top, ok := data.(map[string]interface{}); ok {
		if t, ok := top["Template"].(templateInfo); ok {
			name = t.Name
		}
	}
	t, err := clone.New(name).Parse(text)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return "", err
	}
	return strings.ReplaceAll(buf.String(), "<no value>", ""), nil
}

// chartError is a failure the chart asked for (required, fail): its message is the author's.
type chartError struct{ msg string }

func (e chartError) Error() string { return e.msg }

// required fails the render when a value is missing (nil) or an empty string, as Helm's does.
func required(msg string, val interface{}) (interface{}, error) {
	if val == nil {
		return nil, chartError{msg}
	}
	if s, ok := val.(string); ok && s == "" {
		return nil, chartError{msg}
	}
	return val, nil
}

// toYAML goes through JSON first, as Helm's (sigs.k8s.io/yaml) does: json tags are honoured,
// and integral numbers print as integers (3, 1000000) rather than floats (1e+06).
func toYAML(v interface{}) string {
	s, err := mustToYAML(v)
	if err != nil {
		return ""
	}
	return s
}

func mustToYAML(v interface{}) (string, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var plain interface{}
	if err := dec.Decode(&plain); err != nil {
		return "", err
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(jsonNumbers(plain)); err != nil {
		return "", err
	}
	return strings.TrimSuffix(buf.String(), "\n"), nil
}

// jsonNumbers turns json.Number into int64 or float64 so that YAML prints them unquoted.
func jsonNumbers(v interface{}) interface{} {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return i
		}
		f, _ := x.Float64()
		return f
	case map[string]interface{}:
		for k, item := range x {
			x[k] = jsonNumbers(item)
		}
	case []interface{}:
		for i, item := range x {
			x[i] = jsonNumbers(item)
		}
	}
	return v
}

// fromYAML: on bad input Helm returns a map holding the error under "Error", not a failure.
func fromYAML(s string) map[string]interface{} {
	v, err := parseYAMLDocument([]byte(s), decodeOptions{numbersAsFloat: true})
	if err != nil {
		return map[string]interface{}{"Error": err.Error()}
	}
	m, ok := v.(map[string]interface{})
	if !ok {
		return map[string]interface{}{}
	}
	return m
}

func toJSON(v interface{}) string {
	s, err := mustToJSON(v)
	if err != nil {
		return ""
	}
	return s
}

func mustToJSON(v interface{}) (string, error) {
	data, err := json.Marshal(v)
	return string(data), err
}

func fromJSON(s string) map[string]interface{} {
	m := map[string]interface{}{}
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		m["Error"] = err.Error()
	}
	return m
}
