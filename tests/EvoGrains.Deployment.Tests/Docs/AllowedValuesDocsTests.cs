using System.Text.RegularExpressions;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search.Registries;
using EvoGrains.Deployment.Tests.Rendering;

namespace EvoGrains.Deployment.Tests.Docs;

/// <summary>
/// The allowed-values cells of the spec tables (README.md and docs/spec-reference.md) list exactly the names of the
/// registries, in their order, so the docs cannot drift from what the validator accepts.
/// </summary>
public sealed partial class AllowedValuesDocsTests
{
    // README's table has no type column: field | default | range | meaning; the reference's has: field | type | default | allowed | meaning.
    private const int ReadmeAllowed = 3;
    private const int ReferenceAllowed = 4;

    public static TheoryData<string, int, string, string[]> Cells => new()
    {
        { "README.md", ReadmeAllowed, "islands.methods", [.. MethodRegistry.Names] },
        { "README.md", ReadmeAllowed, "evaluation.evaluator", [.. EvaluatorRegistry.Names] },
        { "README.md", ReadmeAllowed, "evaluation.dataset", [.. DatasetRegistry.Names] },
        { "README.md", ReadmeAllowed, "evaluation.model", [.. ModelRegistry.Names] },
        { "README.md", ReadmeAllowed, "evaluation.optimizer", [.. OptimizerRegistry.Names] },
        { "README.md", ReadmeAllowed, "evaluation.augment", [.. AugmentRegistry.Names] },
        { "docs/spec-reference.md", ReferenceAllowed, "islands.methods", [.. MethodRegistry.Names] },
        { "docs/spec-reference.md", ReferenceAllowed, "evaluation.evaluator", [.. EvaluatorRegistry.Names] },
        { "docs/spec-reference.md", ReferenceAllowed, "evaluation.optimizer", [.. OptimizerRegistry.Names] },
        { "docs/spec-reference.md", ReferenceAllowed, "evaluation.augment", [.. AugmentRegistry.Names] },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void The_allowed_cell_lists_the_registry_names(string document, int column, string field, string[] names)
    {
        Assert.Equal(names, Quoted(AllowedCell(document, column, field)));
    }

    [Fact]
    public void The_baselines_cell_lists_every_zoo_family_by_its_signature()
    {
        // The list of signatures comes first; examples and pointers follow in parentheses ("(e.g. `"gce(0.5)"`, ...").
        var list = AllowedCell("docs/spec-reference.md", ReferenceAllowed, "finalStage.baselines").Split(" (e.g.")[0];

        Assert.Equal(LossZoo.Families.Select(f => f.Signature), Quoted(list));
    }

    private static string AllowedCell(string document, int column, string field)
    {
        var row = Assert.Single(File.ReadAllLines(Path.Combine(RepoPaths.Root, document)), l => l.StartsWith($"| `{field}` |", StringComparison.Ordinal));
        return row.Split(" | ")[column - 1];
    }

    private static IReadOnlyList<string> Quoted(string cell) => [.. CodeSpan().Matches(cell).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();
}
