// Command helm-render renders a Helm chart the way `helm template` does, with helm's template
// engine (Go text/template plus sprig) and the functions and objects helm adds, so the chart can be
// tested where no helm binary can be installed. It builds offline from Debian's Go packages:
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build -o helm-render .
//
// Usage:
//
//	helm-render [flags] CHART_DIR             rendered manifests, "---\n# Source: <chart>/templates/<file>" before each
//	helm-render --values-usage CHART_DIR      every .Values path the templates reference, one a line
//
// Exit codes: 0 rendered; 1 the chart failed to render (message on stderr, like helm's); 2 bad usage.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
)

type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

func main() {
	var valueFiles, sets stringList
	flags := flag.NewFlagSet("helm-render", flag.ContinueOnError)
	flags.Var(&valueFiles, "f", "values file merged over the chart's values.yaml (repeatable, later wins)")
	flags.Var(&sets, "set", "key.path=value merged over the values files (repeatable)")
	release := flags.String("release", "release-name", "release name (.Release.Name)")
	namespace := flags.String("namespace", "default", "release namespace (.Release.Namespace)")
	kubeVersion := flags.String("kube-version", "v1.31.0", "Kubernetes version for .Capabilities and the chart's kubeVersion check")
	notes := flags.Bool("notes", false, "also print the rendered NOTES.txt")
	usage := flags.Bool("values-usage", false, "print the .Values paths the templates reference instead of rendering")
	if err := flags.Parse(os.Args[1:]); err != nil {
		os.Exit(2)
	}
	if flags.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: helm-render [-f values.yaml]... [--set k=v]... [--release NAME] [--namespace NS] [--notes] [--values-usage] CHART_DIR")
		os.Exit(2)
	}

	chart, err := loadChart(flags.Arg(0))
	if err != nil {
		fail(err)
	}
	if *usage {
		paths, err := valuesUsage(chart)
		if err != nil {
			fail(err)
		}
		for _, p := range paths {
			fmt.Println(p)
		}
		return
	}

	values, err := releaseValues(chart, valueFiles, sets)
	if err != nil {
		fail(err)
	}
	caps, err := capabilities(*kubeVersion)
	if err != nil {
		fail(err)
	}
	if err := checkKubeVersion(chart, caps); err != nil {
		fail(err)
	}
	top := topLevel(chart, values, caps, *release, *namespace)
	rendered, err := render(chart, top)
	if err != nil {
		fail(err)
	}
	printManifests(os.Stdout, chart, rendered, *notes)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "Error: "+err.Error())
	os.Exit(1)
}
