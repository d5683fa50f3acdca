using System.Text;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;

namespace EvoGrains.Deployment.Tests.Rendering;

/// <summary>
/// The output of one render: every manifest deserialised strictly into the KubernetesClient models
/// (a field the Kubernetes API does not know fails the parse), and the rendered NOTES.txt.
/// </summary>
internal sealed partial class RenderedChart
{
    private RenderedChart(IReadOnlyList<RenderedManifest> manifests, string? notes)
    {
        Manifests = manifests;
        Notes = notes;
    }

    public IReadOnlyList<RenderedManifest> Manifests { get; }

    /// <summary>NOTES.txt as rendered; null unless rendered with <c>--notes</c>.</summary>
    public string? Notes { get; }

    public static RenderedChart Parse(string output)
    {
        var manifests = new List<RenderedManifest>();
        string? notes = null;
        foreach (Match match in Document().Matches(output))
        {
            var source = match.Groups["source"].Value;
            var yaml = match.Groups["body"].Value;
            if (source.EndsWith("/NOTES.txt", StringComparison.Ordinal))
            {
                notes = yaml;
                continue;
            }

            var resource = LoadStrict(source, yaml);
            manifests.Add(new RenderedManifest(source, yaml, resource));
        }

        if (manifests.Count == 0)
        {
            throw new InvalidOperationException("the render produced no manifest:\n" + output);
        }

        return new RenderedChart(manifests, notes);
    }

    public IEnumerable<T> All<T>() => Manifests.Select(m => m.Resource).OfType<T>();

    /// <summary>The one resource of type <typeparamref name="T"/> whose name ends with <paramref name="suffix"/>.</summary>
    public T Single<T>(string suffix)
        where T : IKubernetesObject<V1ObjectMeta> =>
        Assert.Single(All<T>(), r => r.Metadata.Name.EndsWith(suffix, StringComparison.Ordinal));

    public V1Deployment? FindDeployment(string suffix) =>
        All<V1Deployment>().SingleOrDefault(d => d.Metadata.Name.EndsWith(suffix, StringComparison.Ordinal));

    public V1Deployment CpuSilos => Single<V1Deployment>("-silo-cpu");

    public V1Deployment GpuSilos => Single<V1Deployment>("-silo-gpu");

    /// <summary>The value of a key of a rendered Secret, decoded.</summary>
    public string? SecretValue(string name, string key) =>
        All<V1Secret>().SingleOrDefault(s => s.Metadata.Name == name)?.Data?.TryGetValue(key, out var bytes) == true
            ? Encoding.UTF8.GetString(bytes)
            : null;

    private static IKubernetesObject<V1ObjectMeta> LoadStrict(string source, string yaml)
    {
        List<object> objects;
        try
        {
            objects = KubernetesYaml.LoadAllFromString(yaml, strict: true);
        }
        catch (Exception ex) when (ex is YamlDotNet.Core.YamlException or InvalidOperationException or ArgumentException)
        {
            throw new InvalidOperationException($"{source}: not a valid Kubernetes manifest: {ex.Message}\n{yaml}", ex);
        }

        var resource = Assert.Single(objects);
        return Assert.IsAssignableFrom<IKubernetesObject<V1ObjectMeta>>(resource);
    }

    // "---\n# Source: <template>\n<body>" up to the next separator line or the end.
    [GeneratedRegex(@"^---\n# Source: (?<source>[^\n]+)\n(?<body>.*?)(?=^---\n# Source: |\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Document();
}
