namespace EvoGrains.Deployment.Tests.Rendering;

/// <summary>Folders of the repository the deployment tests read (never write).</summary>
internal static class RepoPaths
{
    public static readonly string Root = FindRoot();
    public static readonly string Chart = Path.Combine(Root, "helm", "evograins");
    public static readonly string ChartValues = Path.Combine(Chart, "values.yaml");
    public static readonly string RendererSource = Path.Combine(Root, "tests", "EvoGrains.Deployment.Tests", "HelmRender");
    public static readonly string Deploy = Path.Combine(Root, "deploy");

    /// <summary>A values file of the chart's <c>ci/</c> folder (the values sets chart-testing installs).</summary>
    public static string CiValues(string name) => Path.Combine(Chart, "ci", name);

    /// <summary>
    /// Every example values file, relative to the chart: chart-testing's <c>ci/*-values.yaml</c> and the
    /// <c>values-*.example.yaml</c> files users copy.
    /// </summary>
    public static IReadOnlyList<string> ExampleValuesFiles() =>
        Directory.GetFiles(Path.Combine(Chart, "ci"), "*-values.yaml")
            .Concat(Directory.GetFiles(Chart, "values-*.example.yaml"))
            .Select(f => Path.GetRelativePath(Chart, f))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EvoGrains.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EvoGrains.sln not found above " + AppContext.BaseDirectory);
    }
}
