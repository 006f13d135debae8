// Parses a chart's templates/ into one template set and renders each file like Helm's engine.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"text/template"
)

// renderedDoc is one YAML document of the output, with the template file it came from.
type renderedDoc struct {
	Source string
	Text   string
}

type renderInput struct {
	ChartDir     string
	Chart        chartMeta
	Values       map[string]interface{}
	Release      releaseInfo
	Capabilities capabilities
}

// renderChart returns the documents of every template file, or every template error found
// (all of them, so that one run shows each broken file).
func renderChart(in renderInput) ([]renderedDoc, []error) {
	names, set, err := parseTemplates(in.ChartDir, in.Chart.Name)
	if err != nil {
		return nil, []error{err}
	}
	var docs []renderedDoc
	var errs []error
	for _, name := range names {
		// Files starting with "_" only define named templates; Helm never renders them alone.
		if strings.HasPrefix(path.Base(name), "_") {
			continue
		}
		out, err := execute(set, name, in)
		if err != nil {
			errs = append(errs, explain(err))
			continue
		}
		// NOTES.txt is rendered (its errors count) but is no Kubernetes object.
		if path.Base(name) == "NOTES.txt" {
			continue
		}
		for _, text := range splitDocuments(out) {
			docs = append(docs, renderedDoc{Source: name, Text: text})
		}
	}
	return docs, errs
}

// parseTemplates reads every file under templates/ into one set, each named
// CHART/templates/FILE as in Helm, so `include` finds the `define`s of any file.
func parseTemplates(chartDir, chartName string) ([]string, *template.Template, error) {
	var set *template.Template
	// missingkey=zero: a value that is not set renders empty instead of failing, as in Helm.
	set = template.New("chart").Option("missingkey=zero").Funcs(helmFuncs(&set))
	root := filepath.Join(chartDir, "templates")
	var names []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		names = append(names, chartName+"/templates/"+filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	sort.Strings(names)
	for _, name := range names {
		text, err := os.ReadFile(filepath.Join(chartDir, strings.TrimPrefix(name, chartName+"/")))
		if err != nil {
			return nil, nil, err
		}
		if _, err := set.New(name).Parse(string(text)); err != nil {
			return nil, nil, err
		}
	}
	return names, set, nil
}

func execute(set *template.Template, name string, in renderInput) (string, error) {
	data := map[string]interface{}{
		"Values":       in.Values,
		"Chart":        in.Chart,
		"Release":      in.Release,
		"Capabilities": in.Capabilities,
		"Template":     templateInfo{Name: name, BasePath: in.Chart.Name + "/templates"},
	}
	var buf bytes.Buffer
	if err := set.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	// Go prints a missing map key as "<no value>" even with missingkey=zero; Helm removes it.
	return strings.ReplaceAll(buf.String(), "<no value>", ""), nil
}

// A `required` or `fail` message is the chart author's own: shown as Helm shows it, with the
// file, line and column of the call (inside the helper when an `include` made it) and without
// Go's call chain. The chain is walked, not parsed: the message itself may hold any text.
var execLocation = regexp.MustCompile(`^template: ([^:\s]+:\d+:\d+): `)

func explain(err error) error {
	location := ""
	for e := err; e != nil; e = errors.Unwrap(e) {
		if exec, ok := e.(template.ExecError); ok {
			if m := execLocation.FindStringSubmatch(exec.Err.Error()); m != nil {
				location = m[1]
			}
		}
		if author, ok := e.(chartError); ok && location != "" {
			return fmt.Errorf("execution error at (%s): %s", location, author.msg)
		}
	}
	return err
}

var separator = regexp.MustCompile(`(?m)^---[ \t]*$`)

// splitDocuments cuts a rendered file at its `---` lines and drops the documents that are
// only whitespace, as Helm does.
func splitDocuments(out string) []string {
	var docs []string
	for _, part := range separator.Split(out, -1) {
		if strings.TrimSpace(part) == "" {
			continue
		}
		lines := strings.Split(part, "\n")
		for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
			lines = lines[1:]
		}
		docs = append(docs, strings.TrimRight(strings.Join(lines, "\n"), " \t\n"))
	}
	return docs
}
