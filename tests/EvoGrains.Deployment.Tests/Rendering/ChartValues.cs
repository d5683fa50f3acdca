using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace EvoGrains.Deployment.Tests.Rendering;

/// <summary>A values file (the chart's values.yaml unless told otherwise) as a YAML tree with line numbers.</summary>
internal sealed class ChartValues
{
    private static readonly Lazy<ChartValues> ChartDefaults = new(() => Load(RepoPaths.ChartValues));

    private ChartValues(string path, YamlMappingNode root, string[] lines)
    {
        Path = path;
        Root = root;
        Lines = lines;
    }

    public static ChartValues Defaults => ChartDefaults.Value;

    public string Path { get; }

    public YamlMappingNode Root { get; }

    public string[] Lines { get; }

    public static ChartValues Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        var root = Assert.IsType<YamlMappingNode>(Assert.Single(stream.Documents).RootNode);
        return new ChartValues(path, root, File.ReadAllLines(path));
    }

    public YamlNode Node(params string[] path)
    {
        YamlNode node = Root;
        foreach (var segment in path)
        {
            node = Assert.IsType<YamlMappingNode>(node)[segment];
        }

        return node;
    }

    public string Scalar(params string[] path) => Assert.IsType<YamlScalarNode>(Node(path)).Value ?? "";

    public int Int(params string[] path) => int.Parse(Scalar(path), CultureInfo.InvariantCulture);

    /// <summary>
    /// Every settable key as a dotted path with its node: scalars, lists (entries are data) and empty
    /// mappings are leaves; non-empty mappings are walked into.
    /// </summary>
    public IEnumerable<(string Path, YamlNode Key, YamlNode Value)> Keys() => Walk(Root, "");

    private static IEnumerable<(string Path, YamlNode Key, YamlNode Value)> Walk(YamlMappingNode mapping, string prefix)
    {
        foreach (var (key, value) in mapping.Children)
        {
            var path = prefix + key;
            yield return (path, key, value);
            if (value is YamlMappingNode { Children.Count: > 0 } child)
            {
                foreach (var nested in Walk(child, path + "."))
                {
                    yield return nested;
                }
            }
        }
    }
}
