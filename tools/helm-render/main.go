// helm-render: renders a Helm chart like `helm template`, for the project's chart tests.
//
// Usage: helm-render [-f VALUES]... [--release NAME] [--namespace NS] [--kube-version V]
//
//	[--output FILE] [--json FILE] CHART_DIR
//	helm-render --redundant [-f VALUES]... CHART_DIR
//
// Prints the documents (each after `# Source: CHART/templates/FILE`) on stdout or into
// --output, and with --json writes a JSON array of {"source", "object"} for k8s-validate.
// --redundant renders nothing: it prints each key of a -f file that changes nothing of the
// values it is merged over (values.yaml and the files before it), exit 1 when there is one.
// Exit codes: 0 rendered, 1 the chart is broken, 2 bad usage.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

type options struct {
	chartDir, release, namespace, kubeVersion, output, jsonOut string
	valueFiles                                                 []string
	redundant                                                  bool
}

func main() {
	opts, err := parseArgs(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "helm-render:", err)
		fmt.Fprintln(os.Stderr, "usage: helm-render [-f VALUES]... [--release NAME] [--namespace NS] "+
			"[--kube-version V] [--output FILE] [--json FILE] [--redundant] CHART_DIR")
		os.Exit(2)
	}
	os.Exit(run(opts))
}

func parseArgs(args []string) (options, error) {
	o := options{release: "release", namespace: "default", kubeVersion: "v1.30.0"}
	strFlags := map[string]*string{
		"--release": &o.release, "--namespace": &o.namespace, "-n": &o.namespace,
		"--kube-version": &o.kubeVersion, "--output": &o.output, "--json": &o.jsonOut,
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, value, hasValue := strings.Cut(a, "=")
		isFlag := strings.HasPrefix(a, "-") && a != "-"
		if a == "--redundant" {
			o.redundant = true
			continue
		}
		if isFlag && !hasValue {
			if i+1 >= len(args) {
				return o, fmt.Errorf("%s needs a value", a)
			}
			value = args[i+1]
		}
		switch {
		case !isFlag:
			if o.chartDir != "" {
				return o, fmt.Errorf("one chart at a time (%s and %s)", o.chartDir, a)
			}
			o.chartDir = a
			continue
		case name == "-f" || name == "--values":
			o.valueFiles = append(o.valueFiles, value)
		case strFlags[name] != nil:
			*strFlags[name] = value
		default:
			return o, fmt.Errorf("unknown option %s", a)
		}
		if !hasValue {
			i++
		}
	}
	if o.chartDir == "" {
		return o, fmt.Errorf("no chart directory")
	}
	return o, nil
}

func run(o options) int {
	if o.redundant {
		return checkRedundant(o)
	}
	chart, err := loadChart(o.chartDir)
	if err != nil {
		return fail(err)
	}
	values, err := loadValues(o.chartDir, o.valueFiles)
	if err != nil {
		return fail(err)
	}
	caps, err := newCapabilities(o.kubeVersion)
	if err != nil {
		return fail(err)
	}
	docs, errs := renderChart(renderInput{
		ChartDir: o.chartDir, Chart: chart, Values: values, Capabilities: caps,
		Release: releaseInfo{Name: o.release, Namespace: o.namespace, Service: "Helm",
			IsInstall: true, Revision: 1},
	})
	if len(errs) > 0 {
		for _, e := range errs {
			fmt.Fprintln(os.Stderr, "error:", e)
		}
		return 1
	}
	if err := writeStream(o.output, docs); err != nil {
		return fail(err)
	}
	if o.jsonOut != "" {
		if err := writeJSON(o.jsonOut, docs); err != nil {
			return fail(err)
		}
	}
	return 0
}

func fail(err error) int {
	fmt.Fprintln(os.Stderr, "error:", err)
	return 1
}

func writeStream(path string, docs []renderedDoc) error {
	var b strings.Builder
	for _, d := range docs {
		fmt.Fprintf(&b, "---\n# Source: %s\n%s\n", d.Source, d.Text)
	}
	if path == "" {
		_, err := os.Stdout.WriteString(b.String())
		return err
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// writeJSON parses each document as the API server would read it; a document of comments only
// is no object and is left out. A YAML error fails here, with the template file it came from.
func writeJSON(path string, docs []renderedDoc) error {
	type entry struct {
		Source string      `json:"source"`
		Object interface{} `json:"object"`
	}
	entries := []entry{}
	for i, d := range docs {
		obj, err := parseYAMLDocument([]byte(d.Text), decodeOptions{})
		if err != nil {
			return fmt.Errorf("%s: document %d is not valid YAML: %v", d.Source, i+1, err)
		}
		if obj != nil {
			entries = append(entries, entry{Source: d.Source, Object: obj})
		}
	}
	data, err := json.MarshalIndent(entries, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}
