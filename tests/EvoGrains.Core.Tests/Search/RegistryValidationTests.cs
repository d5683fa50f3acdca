using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Registries;

namespace EvoGrains.Core.Tests.Search;

/// <summary>
/// The method, optimizer and evaluator fields are checked against their registries: an unknown name is one error
/// naming the field and every allowed name, and each registry's entries are distinct and described.
/// </summary>
public sealed class RegistryValidationTests
{
    [Fact]
    public void An_unknown_name_is_one_error_naming_the_field_and_the_registry_names()
    {
        Assert.Equal(
            [$"islands.methods[0]: 'hill-climbing' is not one of {string.Join(", ", MethodRegistry.Names)}"],
            SearchSpecValidator.Validate(new SearchSpec { Islands = new IslandSpec { Methods = ["hill-climbing"] } }));
        Assert.Equal(
            ["evaluation.optimizer: 'lion' is not one of adam, sgd"],
            SearchSpecValidator.Validate(new SearchSpec { Evaluation = new EvaluationSpec { Optimizer = "lion" } }));
        Assert.Equal(
            ["evaluation.evaluator: 'oracle' is not one of training, synthetic"],
            SearchSpecValidator.Validate(new SearchSpec { Evaluation = new EvaluationSpec { Evaluator = "oracle" } }));
    }

    [Fact]
    public void Every_name_of_every_registry_is_accepted()
    {
        Assert.All(MethodRegistry.Names, m => Assert.Empty(SearchSpecValidator.Validate(new SearchSpec { Islands = new IslandSpec { Methods = [m], Space = "tree" } })));
        Assert.All(OptimizerRegistry.Names, o => Assert.Empty(SearchSpecValidator.Validate(new SearchSpec { Evaluation = new EvaluationSpec { Optimizer = o } })));
        Assert.All(EvaluatorRegistry.Names, e => Assert.Empty(SearchSpecValidator.Validate(new SearchSpec { Evaluation = new EvaluationSpec { Evaluator = e } })));
    }

    [Fact]
    public void A_method_that_needs_trees_is_refused_in_the_cell_space()
    {
        var method = Assert.Single(MethodRegistry.All, m => m.NeedsTreeSpace);

        Assert.Equal(
            [$"islands.methods: {method.Name} needs the tree space (islands.space = \"tree\"): NLFS cells have no crossover"],
            SearchSpecValidator.Validate(new SearchSpec { Islands = new IslandSpec { Methods = [method.Name], Space = "cell" } }));
    }

    [Fact]
    public void The_registries_hold_distinct_described_entries_and_the_defaults_are_theirs()
    {
        AssertRegistry(MethodRegistry.All.Select(m => (m.Name, m.Description)), MethodRegistry.Names, n => MethodRegistry.Get(n).Name);
        AssertRegistry(OptimizerRegistry.All.Select(o => (o.Name, o.Description)), OptimizerRegistry.Names, n => OptimizerRegistry.Get(n).Name);
        AssertRegistry(EvaluatorRegistry.All.Select(e => (e.Name, e.Description)), EvaluatorRegistry.Names, n => EvaluatorRegistry.Get(n).Name);
        Assert.Equal([MethodRegistry.SurrogateEvolution.Name], new IslandSpec().Methods);
        Assert.Equal(OptimizerRegistry.Adam.Name, new EvaluationSpec().Optimizer);
        Assert.Equal(EvaluatorRegistry.Training.Name, new EvaluationSpec().Evaluator);
        Assert.Null(MethodRegistry.Find("GP"));
    }

    private static void AssertRegistry(IEnumerable<(string Name, string Description)> entries, IReadOnlyList<string> names, Func<string, string> get)
    {
        var list = entries.ToList();
        Assert.Equal(list.Select(e => e.Name), names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(list, e => Assert.False(string.IsNullOrWhiteSpace(e.Description), e.Name));
        Assert.All(names, n => Assert.Equal(n, get(n)));
    }
}
