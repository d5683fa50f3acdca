package main

import (
	"fmt"
	"io/ioutil"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/Masterminds/semver"
	yaml "gopkg.in/yaml.v2"
)

// chartMetadata is Chart.yaml with the field names templates see as .Chart.* (helm's chart.Metadata).
type chartMetadata struct {
	APIVersion  string   `yaml:"apiVersion"`
	Name        string   `yaml:"name"`
	Version     string   `yaml:"version"`
	AppVersion  string   `yaml:"appVersion"`
	Description string   `yaml:"description"`
	Type        string   `yaml:"type"`
	KubeVersion string   `yaml:"kubeVersion"`
	Keywords    []string `yaml:"keywords"`
	Home        string   `yaml:"home"`
	Sources     []string `yaml:"sources"`
	Icon        string   `yaml:"icon"`
}

type templateFile struct {
	name string // "<chart>/templates/<relative path>", as helm names it
	text string
}

type chart struct {
	dir       string
	metadata  chartMetadata
	values    map[string]interface{}
	templates []templateFile
}

func loadChart(dir string) (*chart, error) {
	c := &chart{dir: dir}
	raw, err := ioutil.ReadFile(filepath.Join(dir, "Chart.yaml"))
	if err != nil {
		return nil, err
	}
	if err := yaml.UnmarshalStrict(raw, &c.metadata); err != nil {
		return nil, fmt.Errorf("Chart.yaml: %v", err)
	}
	if c.metadata.APIVersion != "v2" || c.metadata.Name == "" || c.metadata.Version == "" {
		return nil, fmt.Errorf("Chart.yaml: apiVersion v2, name and version are required")
	}
	if c.values, err = readValuesFile(filepath.Join(dir, "values.yaml")); err != nil {
		return nil, err
	}
	root := filepath.Join(dir, "templates")
	err = filepath.Walk(root, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		text, err := ioutil.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		c.templates = append(c.templates, templateFile{name: c.metadata.Name + "/templates/" + filepath.ToSlash(rel), text: string(text)})
		return nil
	})
	sort.Slice(c.templates, func(i, j int) bool { return c.templates[i].name < c.templates[j].name })
	return c, err
}

// isPartial says whether a template only defines helpers: helm renders no output for files whose
// name starts with "_" (and for NOTES.txt, which it prints separately).
func isPartial(name string) bool {
	return strings.HasPrefix(filepath.Base(name), "_")
}

func isNotes(name string) bool {
	return strings.HasSuffix(name, "/templates/NOTES.txt")
}

// versionSet is .Capabilities.APIVersions; templates ask `.Capabilities.APIVersions.Has "policy/v1"`.
type versionSet []string

func (v versionSet) Has(apiVersion string) bool {
	for _, x := range v {
		if x == apiVersion {
			return true
		}
	}
	return false
}

type kubeVersion struct {
	Version    string
	Major      string
	Minor      string
	GitVersion string
}

func (k kubeVersion) String() string { return k.Version }

type caps struct {
	KubeVersion kubeVersion
	APIVersions versionSet
	HelmVersion map[string]string
}

// The built-in API groups of the Kubernetes versions the chart targets; helm template without a
// cluster reports its own default set in the same way.
var builtinAPIVersions = versionSet{
	"v1", "apps/v1", "batch/v1", "policy/v1", "networking.k8s.io/v1", "rbac.authorization.k8s.io/v1",
	"autoscaling/v1", "autoscaling/v2", "storage.k8s.io/v1", "scheduling.k8s.io/v1", "coordination.k8s.io/v1",
	"discovery.k8s.io/v1", "node.k8s.io/v1", "admissionregistration.k8s.io/v1", "apiextensions.k8s.io/v1",
	"certificates.k8s.io/v1", "events.k8s.io/v1", "flowcontrol.apiserver.k8s.io/v1",
}

func capabilities(version string) (caps, error) {
	v, err := semver.NewVersion(version)
	if err != nil {
		return caps{}, fmt.Errorf("--kube-version %q: %v", version, err)
	}
	k := kubeVersion{
		Version:    "v" + v.String(),
		Major:      fmt.Sprint(v.Major()),
		Minor:      fmt.Sprint(v.Minor()),
		GitVersion: "v" + v.String(),
	}
	return caps{KubeVersion: k, APIVersions: builtinAPIVersions, HelmVersion: map[string]string{"Version": "v3"}}, nil
}

// checkKubeVersion refuses a chart whose kubeVersion constraint the target cluster does not meet,
// as helm install and helm template do.
func checkKubeVersion(c *chart, k caps) error {
	if c.metadata.KubeVersion == "" {
		return nil
	}
	constraint, err := semver.NewConstraint(c.metadata.KubeVersion)
	if err != nil {
		return fmt.Errorf("Chart.yaml: kubeVersion %q: %v", c.metadata.KubeVersion, err)
	}
	v, _ := semver.NewVersion(k.KubeVersion.Version)
	if !constraint.Check(v) {
		return fmt.Errorf("chart requires kubeVersion: %s which is incompatible with Kubernetes %s", c.metadata.KubeVersion, k.KubeVersion.Version)
	}
	return nil
}

// topLevel is the object templates see as ".", with helm's field names.
func topLevel(c *chart, values map[string]interface{}, k caps, release, namespace string) map[string]interface{} {
	return map[string]interface{}{
		"Values": values,
		"Chart":  c.metadata,
		"Release": map[string]interface{}{
			"Name": release, "Namespace": namespace, "IsInstall": true, "IsUpgrade": false,
			"Revision": 1, "Service": "Helm",
		},
		"Capabilities": k,
	}
}
