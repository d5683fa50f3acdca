using EvoGrains.Core.Search.Registries;
using EvoGrains.Deployment.Tests.Rendering;

namespace EvoGrains.Deployment.Tests.Docs;

/// <summary>
/// docs/spec-reference.md's dataset and model tables are the registries: one row per dataset (its description and what
/// its dataPath names) and per model (its description).
/// </summary>
public sealed class RegistryDocsTests
{
    private static readonly string[] Reference = File.ReadAllLines(Path.Combine(RepoPaths.Root, "docs", "spec-reference.md"));

    [Fact]
    public void The_dataset_table_has_a_row_per_registry_dataset_with_its_description_and_data_path()
    {
        var rows = Reference.Where(l => l.StartsWith("| `\"", StringComparison.Ordinal)).ToList();

        foreach (var dataset in DatasetRegistry.All)
        {
            var row = Assert.Single(rows, r => r.StartsWith($"| `\"{dataset.Name}\"` |", StringComparison.Ordinal));
            Assert.Contains($"| {dataset.Description} | {dataset.DataPath ?? "(none)"}", row, StringComparison.Ordinal);
            Assert.All(dataset.Options, option => Assert.Contains($"`{option}`", row, StringComparison.Ordinal));
        }

        Assert.Equal(DatasetRegistry.All.Count + ModelRegistry.All.Count, rows.Count);
    }

    [Fact]
    public void The_model_table_has_a_row_per_registry_model_with_its_description()
    {
        foreach (var model in ModelRegistry.All)
        {
            Assert.Single(Reference, l => l == $"| `\"{model.Name}\"` | {model.Description} |");
        }
    }
}
