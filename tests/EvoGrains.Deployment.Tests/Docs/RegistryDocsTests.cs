using EvoGrains.Core.Search.Registries;
using EvoGrains.Deployment.Tests.Rendering;

namespace EvoGrains.Deployment.Tests.Docs;

/// <summary>
/// docs/spec-reference.md's dataset, model, method, evaluator and optimizer tables are the registries: one row per
/// dataset (its description and what its dataPath names) and per model, method, evaluator and optimizer (its description).
/// </summary>
public sealed class RegistryDocsTests
{
    private static readonly string[] Reference = File.ReadAllLines(Path.Combine(RepoPaths.Root, "docs", "spec-reference.md"));

    // The registries whose table is name and description.
    private static readonly (string Name, string Description)[] Described =
    [
        .. ModelRegistry.All.Select(m => (m.Name, m.Description)),
        .. MethodRegistry.All.Select(m => (m.Name, m.Description)),
        .. EvaluatorRegistry.All.Select(e => (e.Name, e.Description)),
        .. OptimizerRegistry.All.Select(o => (o.Name, o.Description)),
    ];

    [Fact]
    public void The_dataset_table_has_a_row_per_registry_dataset_with_its_description_and_data_path()
    {
        var rows = Reference.Where(l => l.StartsWith("| `\"", StringComparison.Ordinal)).ToList();

        foreach (var dataset in DatasetRegistry.All)
        {
            // The name alone is not enough: "synthetic" is also an evaluator.
            var row = Assert.Single(rows, r => r.StartsWith($"| `\"{dataset.Name}\"` | {dataset.Description} |", StringComparison.Ordinal));
            Assert.Contains($"| {dataset.Description} | {dataset.DataPath ?? "(none)"}", row, StringComparison.Ordinal);
            Assert.All(dataset.Options, option => Assert.Contains($"`{option}`", row, StringComparison.Ordinal));
        }

        Assert.Equal(DatasetRegistry.All.Count + Described.Length, rows.Count);
    }

    [Fact]
    public void The_model_method_evaluator_and_optimizer_tables_have_a_row_per_registry_entry_with_its_description()
    {
        foreach (var (name, description) in Described)
        {
            Assert.Single(Reference, l => l == $"| `\"{name}\"` | {description} |");
        }
    }
}
