using System.Text.RegularExpressions;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search.Registries;
using EvoGrains.Deployment.Tests.Rendering;

namespace EvoGrains.Deployment.Tests.Docs;

/// <summary>
/// The allowed-values cells of the spec tables (README.md and docs/spec-reference.md) list exactly the names of the
/// registries, in their order, and README's command usages their option choices, so the docs cannot drift from what the
/// validator and the CLI accept.
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

    public static TheoryData<string, string, string[]> Usages => new()
    {
        { "train", "--optimizer", [.. OptimizerRegistry.Names] },
        { "train", "--augment", [.. AugmentRegistry.Names] },
        { "bench packing", "--model", [.. ModelRegistry.BuiltInNames] },
    };

    [Theory]
    [MemberData(nameof(Usages))]
    public void The_command_usage_lists_the_option_choices_of_the_registry(string command, string option, string[] names)
    {
        var usage = Assert.Single(File.ReadAllLines(Path.Combine(RepoPaths.Root, "README.md")), l => l.StartsWith($"| `{command} ", StringComparison.Ordinal));
        var choices = Regex.Match(usage, $@"\[{option} ([^\]\s]+)\]").Groups[1].Value.Split(@"\|");

        // A usage puts the default first, so only the set is the registry's.
        Assert.Equal(names.Order(StringComparer.Ordinal), choices.Order(StringComparer.Ordinal));
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
