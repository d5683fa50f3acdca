using System.Text.RegularExpressions;
using EvoGrains.Deployment.Tests.Rendering;

namespace EvoGrains.Deployment.Tests.Docs;

/// <summary>docs/architecture.md's dependency graph is the projects' references, arrow for arrow.</summary>
public sealed partial class ArchitectureDocTests
{
    [Fact]
    public void The_dependency_graph_is_the_project_references()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "architecture.md"));
        var graph = Assert.Single(Mermaid().Matches(doc)).Groups[1].Value;
        var labels = Label().Matches(graph).ToDictionary(m => m.Groups["id"].Value, m => m.Groups["name"].Value);
        var drawn = Edge().Matches(graph)
            .Select(m => $"{labels[m.Groups["from"].Value]} -> {labels[m.Groups["to"].Value]}")
            .ToHashSet(StringComparer.Ordinal);

        var references = Directory.GetFiles(Path.Combine(RepoPaths.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .SelectMany(project => Reference().Matches(File.ReadAllText(project))
                .Select(r => $"{Path.GetFileNameWithoutExtension(project)} -> {r.Groups[1].Value}"))
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(references.SetEquals(drawn), $"drawn but not referenced: {string.Join(", ", drawn.Except(references))}; referenced but not drawn: {string.Join(", ", references.Except(drawn))}");
    }

    [GeneratedRegex(@"(?s)```mermaid\n(.*?)```")]
    private static partial Regex Mermaid();

    [GeneratedRegex(@"(?<id>\w+)\[(?<name>[\w.]+)\]")]
    private static partial Regex Label();

    [GeneratedRegex(@"(?m)^\s*(?<from>\w+)(?:\[[\w.]+\])? --> (?<to>\w+)")]
    private static partial Regex Edge();

    [GeneratedRegex(@"<ProjectReference Include=""[^""]*\\([\w.]+)\.csproj""")]
    private static partial Regex Reference();
}
