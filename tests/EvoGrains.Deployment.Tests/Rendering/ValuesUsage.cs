namespace EvoGrains.Deployment.Tests.Rendering;

/// <summary>
/// The .Values paths the chart's templates reference, from the renderer's parse-tree analysis
/// (<c>helm-render --values-usage</c>): a whole use (printed, or passed to toYaml, include, dict...)
/// uses the value's subtree; a read (a bare if/with condition) uses the value alone.
/// </summary>
internal sealed class ValuesUsage
{
    private readonly HashSet<string> whole;
    private readonly HashSet<string> read;

    private ValuesUsage(HashSet<string> whole, HashSet<string> read)
    {
        this.whole = whole;
        this.read = read;
    }

    public IEnumerable<string> Paths => whole.Union(read).Order(StringComparer.Ordinal);

    public static ValuesUsage OfChart()
    {
        var result = HelmRenderer.Run("--values-usage");
        Assert.True(result.ExitCode == 0, result.StandardError);
        var whole = new HashSet<string>(StringComparer.Ordinal);
        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var (kind, path) = (line[..line.IndexOf(' ', StringComparison.Ordinal)], line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
            (kind == "whole" ? whole : read).Add(path);
        }

        return new ValuesUsage(whole, read);
    }

    /// <summary>Whether some template uses the value at <paramref name="path"/> (a dotted values.yaml path).</summary>
    public bool Covers(string path) => read.Contains(path) || whole.Contains(path) || InsideWholeUse(path);

    /// <summary>Whether <paramref name="path"/> lies under a value some template uses as a whole (a label map, a resources block).</summary>
    public bool InsideWholeUse(string path) => whole.Any(w => path.StartsWith(w + ".", StringComparison.Ordinal));
}
