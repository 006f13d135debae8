// The built-in objects a template sees besides .Values: .Chart, .Release, .Capabilities, .Template.
package main

import (
	"fmt"
	"os"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// chartMeta is Chart.yaml with the field names Helm gives it in templates (.Chart.AppVersion).
type chartMeta struct {
	APIVersion   string            `yaml:"apiVersion"`
	Name         string            `yaml:"name"`
	Version      string            `yaml:"version"`
	AppVersion   string            `yaml:"appVersion"`
	KubeVersion  string            `yaml:"kubeVersion"`
	Description  string            `yaml:"description"`
	Type         string            `yaml:"type"`
	Keywords     []string          `yaml:"keywords"`
	Home         string            `yaml:"home"`
	Sources      []string          `yaml:"sources"`
	Icon         string            `yaml:"icon"`
	Deprecated   bool              `yaml:"deprecated"`
	Annotations  map[string]string `yaml:"annotations"`
	Maintainers  []maintainer      `yaml:"maintainers"`
	Dependencies []interface{}     `yaml:"dependencies"`
}

type maintainer struct {
	Name  string `yaml:"name"`
	Email string `yaml:"email"`
	URL   string `yaml:"url"`
}

// Helm refuses a chart without these; a SemVer version is what `helm package` needs.
var semver = regexp.MustCompile(`^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$`)

func loadChart(dir string) (chartMeta, error) {
	var c chartMeta
	text, err := os.ReadFile(dir + "/Chart.yaml")
	if err != nil {
		return c, err
	}
	if err := yaml.Unmarshal(text, &c); err != nil {
		return c, fmt.Errorf("Chart.yaml: %v", err)
	}
	switch {
	case c.APIVersion != "v2":
		return c, fmt.Errorf("Chart.yaml: apiVersion must be v2, not %q", c.APIVersion)
	case c.Name == "":
		return c, fmt.Errorf("Chart.yaml: name is required")
	case !semver.MatchString(c.Version):
		return c, fmt.Errorf("Chart.yaml: version %q is not SemVer", c.Version)
	case c.Type == "library":
		return c, fmt.Errorf("Chart.yaml: a library chart renders nothing")
	}
	if len(c.Dependencies) > 0 {
		fmt.Fprintln(os.Stderr, "warning: Chart.yaml dependencies are not rendered")
	}
	return c, nil
}

type releaseInfo struct {
	Name, Namespace, Service string
	IsInstall, IsUpgrade     bool
	Revision                 int
}

type kubeVersion struct {
	Version, Major, Minor, GitVersion string
}

// String lets `{{ .Capabilities.KubeVersion }}` print the version, as Helm's does.
func (k kubeVersion) String() string { return k.Version }

// apiVersions answers .Capabilities.APIVersions.Has with the built-in groups only: no CRDs.
type apiVersions []string

func (a apiVersions) Has(v string) bool {
	for _, have := range a {
		if have == v || strings.HasPrefix(v, have+"/") {
			return true
		}
	}
	return false
}

type capabilities struct {
	KubeVersion kubeVersion
	APIVersions apiVersions
}

func newCapabilities(version string) (capabilities, error) {
	m := regexp.MustCompile(`^v?(\d+)\.(\d+)\.(\d+)$`).FindStringSubmatch(version)
	if m == nil {
		return capabilities{}, fmt.Errorf("--kube-version %q is not vMAJOR.MINOR.PATCH", version)
	}
	v := "v" + strings.TrimPrefix(version, "v")
	return capabilities{
		KubeVersion: kubeVersion{Version: v, Major: m[1], Minor: m[2], GitVersion: v},
		APIVersions: apiVersions{"v1", "apps/v1", "batch/v1", "autoscaling/v1", "autoscaling/v2",
			"policy/v1", "networking.k8s.io/v1", "rbac.authorization.k8s.io/v1",
			"storage.k8s.io/v1", "apiextensions.k8s.io/v1"},
	}, nil
}

type templateInfo struct {
	Name, BasePath string
}
