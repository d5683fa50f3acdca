using k8s;
using k8s.Models;

namespace EvoGrains.Deployment.Tests.Rendering;

/// <summary>One rendered document: the template it came from, its YAML and its Kubernetes model.</summary>
internal sealed record RenderedManifest(string Source, string Yaml, IKubernetesObject<V1ObjectMeta> Resource)
{
    public string Kind => Resource.Kind;

    public string Name => Resource.Metadata.Name;
}
