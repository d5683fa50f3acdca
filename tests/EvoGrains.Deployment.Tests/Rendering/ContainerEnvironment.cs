using System.Text.RegularExpressions;
using k8s.Models;

namespace EvoGrains.Deployment.Tests.Rendering;

/// <summary>
/// The environment a container of a rendered pod would see, resolved as the kubelet does: literal
/// values with <c>$(VAR)</c> expanded from earlier entries, the pod IP from the downward API, and
/// secret keys from the chart's own Secrets or, for Secrets that exist outside the chart, from
/// <paramref name="externalSecret"/>.
/// </summary>
internal static partial class ContainerEnvironment
{
    public const string PodIp = "10.1.2.3";

    public static Dictionary<string, string?> Resolve(V1Container container, RenderedChart chart, Func<string, string, string> externalSecret)
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var entry in container.Env ?? [])
        {
            env[entry.Name] = entry.ValueFrom switch
            {
                null => Expand(entry.Value ?? "", env),
                { FieldRef.FieldPath: "status.podIP" } => PodIp,
                { FieldRef: { } field } => "field:" + field.FieldPath,
                { SecretKeyRef: { } secret } => chart.SecretValue(secret.Name, secret.Key) ?? externalSecret(secret.Name, secret.Key),
                _ => throw new InvalidOperationException($"{entry.Name}: unsupported valueFrom"),
            };
        }

        return env;
    }

    /// <summary>The <c>EvoGrains__*</c> variables as configuration keys (<c>EvoGrains:Silo:Accelerator</c>), plus POD_IP.</summary>
    public static Dictionary<string, string?> AsConfiguration(Dictionary<string, string?> env) =>
        env.Where(e => e.Key.StartsWith("EvoGrains__", StringComparison.Ordinal) || e.Key == "POD_IP")
            .ToDictionary(e => e.Key.Replace("__", ":", StringComparison.Ordinal), e => e.Value, StringComparer.Ordinal);

    // Kubernetes expands $(NAME) from variables defined earlier in the list and leaves unknown ones as they are.
    private static string Expand(string value, Dictionary<string, string?> earlier) =>
        Reference().Replace(value, m => earlier.TryGetValue(m.Groups[1].Value, out var v) && v is not null ? v : m.Value);

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex Reference();
}
