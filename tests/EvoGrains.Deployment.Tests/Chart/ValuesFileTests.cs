using EvoGrains.Deployment.Tests.Rendering;
using YamlDotNet.RepresentationModel;

namespace EvoGrains.Deployment.Tests.Chart;

/// <summary>
/// values.yaml is the chart's whole interface: every key is documented, every key is used by some
/// template (as helm's template engine parses them), the templates reference no key it lacks, and
/// the example values files (ci/ and values-*.example.yaml) set only keys it has.
/// </summary>
public sealed class ValuesFileTests
{
    private static readonly Lazy<ValuesUsage> Usage = new(ValuesUsage.OfChart);

    [Fact]
    public void Every_values_key_has_a_comment_line_above_it()
    {
        var values = ChartValues.Defaults;
        var undocumented = values.Keys()
            .Where(k => k.Key.Start.Line < 2 || !values.Lines[(int)k.Key.Start.Line - 2].TrimStart().StartsWith('#'))
            .Select(k => k.Path)
            .ToList();

        Assert.True(undocumented.Count == 0, "values.yaml keys without a comment line above: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void Every_values_key_is_used_by_some_template()
    {
        var unused = ChartValues.Defaults.Keys()
            .Where(k => k.Value is not YamlMappingNode { Children.Count: > 0 })
            .Select(k => k.Path)
            .Where(path => !Usage.Value.Covers(path))
            .ToList();

        Assert.True(unused.Count == 0, "values.yaml keys no template uses: " + string.Join(", ", unused));
    }

    [Fact]
    public void The_usage_analysis_sees_references_through_with_blocks_and_helpers()
    {
        var usage = Usage.Value;

        // toYaml . inside `with .Values.gpuSilo.nodeSelector`, a value passed to include in a dict, a nested field read.
        Assert.True(usage.Covers("gpuSilo.nodeSelector.nvidia.com/gpu.present"));
        Assert.True(usage.Covers("cpuSilo.image.repository"));
        Assert.True(usage.Covers("probes.liveness.timeoutSeconds"));
        Assert.False(usage.Covers("gpuSilo.notAKey"));
    }

    [Fact]
    public void Templates_reference_only_keys_that_values_yaml_defines()
    {
        var missing = Usage.Value.Paths.Where(path => !Defines(ChartValues.Defaults.Root, path.Split('.'))).ToList();

        Assert.NotEmpty(Usage.Value.Paths);
        Assert.True(missing.Count == 0, "templates read .Values paths values.yaml does not define: " + string.Join(", ", missing));
    }

    [Fact]
    public void Example_values_files_set_only_keys_that_values_yaml_defines()
    {
        var files = RepoPaths.ExampleValuesFiles().Select(f => Path.Combine(RepoPaths.Chart, f)).ToList();
        Assert.Contains(files, f => f.EndsWith(".example.yaml", StringComparison.Ordinal));
        var defaults = ChartValues.Defaults.Keys().Select(k => k.Path).ToHashSet(StringComparer.Ordinal);

        foreach (var file in files)
        {
            var unknown = ChartValues.Load(file).Keys()
                .Select(k => k.Path)
                .Where(path => !defaults.Contains(path) && !Usage.Value.InsideWholeUse(path))
                .ToList();
            Assert.True(unknown.Count == 0, $"{Path.GetFileName(file)} sets keys values.yaml does not have: {string.Join(", ", unknown)}");
        }
    }

    private static bool Defines(YamlMappingNode mapping, string[] path)
    {
        YamlNode node = mapping;
        foreach (var segment in path)
        {
            if (node is not YamlMappingNode m || !m.Children.TryGetValue(new YamlScalarNode(segment), out var child))
            {
                return false;
            }

            node = child;
        }

        return true;
    }
}
