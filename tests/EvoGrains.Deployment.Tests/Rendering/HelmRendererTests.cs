namespace EvoGrains.Deployment.Tests.Rendering;

/// <summary>
/// The renderer behaves like helm's engine on a scratch chart: helm's added functions (include, tpl,
/// required, toYaml, fromYaml, lookup), its objects (.Release, .Chart, .Capabilities, .Template),
/// missing values printing nothing, values files and --set merging, and helm's error reports.
/// </summary>
public sealed class HelmRendererTests : IDisposable
{
    private readonly string chart = Path.Combine(Path.GetTempPath(), $"evograins-scratch-chart-{Guid.NewGuid():N}");

    public HelmRendererTests()
    {
        Directory.CreateDirectory(Path.Combine(chart, "templates"));
        File.WriteAllText(Path.Combine(chart, "Chart.yaml"), "apiVersion: v2\nname: scratch\nversion: 1.2.3\nappVersion: \"4.5\"\nkubeVersion: \">=1.20.0-0\"\n");
        File.WriteAllText(Path.Combine(chart, "values.yaml"), "name: world\nnested:\n  b: 2\n  a: [x, z]\n  keep: true\nport: 8080\ngreeting: \"hello {{ .Values.name }}\"\n");
        File.WriteAllText(Path.Combine(chart, "templates", "_helpers.tpl"), "{{- define \"scratch.who\" -}}{{ .Values.name | upper }}{{- end }}\n");
    }

    public void Dispose() => Directory.Delete(chart, recursive: true);

    [Fact]
    public void Helm_functions_and_objects_render_as_helm_renders_them()
    {
        Template("all.yaml", """
            who: {{ include "scratch.who" . }}
            tpl: {{ tpl .Values.greeting . }}
            yaml: {{ toYaml .Values.nested | nindent 2 }}
            fromYaml: {{ (fromYaml "k: v").k }}
            lookup: {{ len (lookup "v1" "Secret" "ns" "name") }}
            release: {{ .Release.Name }}/{{ .Release.Namespace }}/{{ .Release.Service }}/{{ .Release.IsInstall }}
            chart: {{ .Chart.Name }}-{{ .Chart.Version }}-{{ .Chart.AppVersion }}
            kube: {{ .Capabilities.KubeVersion.Version }} {{ .Capabilities.KubeVersion.Minor }} {{ .Capabilities.APIVersions.Has "policy/v1" }} {{ .Capabilities.APIVersions.Has "extensions/v1beta1" }}
            template: {{ .Template.Name }}
            missing: [{{ .Values.absent }}]
            port: {{ .Values.port }}
            """);

        var result = HelmRenderer.RunOn(chart, "--release", "r1", "--namespace", "ns1");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal(
            """
            ---
            # Source: scratch/templates/all.yaml
            who: WORLD
            tpl: hello world
            yaml: 
              a:
              - x
              - z
              b: 2
              keep: true
            fromYaml: v
            lookup: 0
            release: r1/ns1/Helm/true
            chart: scratch-1.2.3-4.5
            kube: v1.31.0 31 true false
            template: scratch/templates/all.yaml
            missing: []
            port: 8080

            """.ReplaceLineEndings("\n"),
            result.StandardOutput);
    }

    [Fact]
    public void Values_files_and_set_merge_maps_replace_lists_and_null_removes()
    {
        Template("merge.yaml", "nested: {{ toJson .Values.nested }}\nname: {{ .Values.name }}\n");
        var values = Path.Combine(chart, "override.yaml");
        File.WriteAllText(values, "nested:\n  a: [z]\n  keep: null\n  c: 3\n");

        var result = HelmRenderer.RunOn(chart, "-f", values, "--set", "name=moon", "--set", "nested.b=7");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains("nested: {\"a\":[\"z\"],\"b\":7,\"c\":3}", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("name: moon", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Documents_split_at_separators_and_partials_and_empty_documents_render_nothing()
    {
        Template("two.yaml", "---\na: 1\n---\nb: 2\n---\n");
        Template("empty.yaml", "{{- if false }}\nc: 3\n{{- end }}\n");

        var output = HelmRenderer.RunOn(chart).StandardOutput;

        Assert.Equal("---\n# Source: scratch/templates/two.yaml\na: 1\n---\n# Source: scratch/templates/two.yaml\nb: 2\n", output);
    }

    [Theory]
    [InlineData("{{ required \"name.first is required\" .Values.first }}", "execution error at (scratch/templates/t.yaml:1:3): name.first is required")]
    [InlineData("{{ fail \"nope\" }}", "execution error at (scratch/templates/t.yaml:1:3): nope")]
    [InlineData("{{ if .Values.name }}", "parse error in scratch/templates/t.yaml:1: unexpected EOF")]
    [InlineData("a: [1\n", "YAML parse error on scratch/templates/t.yaml")]
    [InlineData("{{ env \"HOME\" }}", "function \"env\" not defined")]
    public void Failures_exit_1_with_helms_report(string template, string message)
    {
        Template("t.yaml", template);

        var result = HelmRenderer.RunOn(chart);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Error: ", result.StandardError, StringComparison.Ordinal);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_arguments_exit_2()
    {
        Assert.Equal(2, HelmRenderer.RunOn(chart, "--no-such-flag").ExitCode);
        Assert.Equal(1, HelmRenderer.RunOn(chart, "--set", "novalue").ExitCode);
    }

    [Fact]
    public void Values_usage_follows_with_blocks_variables_and_helper_arguments()
    {
        Template("usage.yaml", """
            {{- with .Values.nested }}{{ .b }}{{ end }}
            {{- $n := .Values.nested }}{{ $n.keep }}
            {{- if .Values.port }}{{ include "scratch.who" (dict "v" $.Values.greeting) }}{{ end }}
            """);

        var result = HelmRenderer.RunOn(chart, "--values-usage");

        Assert.Equal(["read nested", "read port", "whole greeting", "whole name", "whole nested.b", "whole nested.keep"], result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private void Template(string name, string text) => File.WriteAllText(Path.Combine(chart, "templates", name), text.ReplaceLineEndings("\n"));
}
