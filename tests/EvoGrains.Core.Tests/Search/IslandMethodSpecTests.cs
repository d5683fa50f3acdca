using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Islands;

namespace EvoGrains.Core.Tests.Search;

/// <summary>The glo and taylorglo islands in a spec: their fields, and which mixes of methods can exchange migrants.</summary>
public sealed class IslandMethodSpecTests
{
    [Theory]
    [InlineData("""{"islands": {"cmaEs": {"every": 0}}}""", "islands.cmaEs.every: must be between 1 and 1000000 (got 0)")]
    [InlineData("""{"islands": {"cmaEs": {"populationSize": 1}}}""", "islands.cmaEs.populationSize: must be between 2 and 1000 (got 1)")]
    [InlineData("""{"islands": {"cmaEs": {"sigma": 0}}}""", "islands.cmaEs.sigma: must be between 1E-06 and 100 (got 0)")]
    [InlineData("""{"islands": {"cmaEs": {"sigma": 1000}}}""", "islands.cmaEs.sigma: must be between")]
    [InlineData("""{"islands": {"cmaEs": {"generations": 0}}}""", "islands.cmaEs.generations: must be between 1 and 100000 (got 0)")]
    [InlineData("""{"islands": {"cmaEs": {"lambda": 4}}}""", "islands.cmaEs.lambda: unknown field 'lambda'")]
    [InlineData("""{"islands": {"methods": ["taylor-glo"]}}""", "islands.methods[0]: 'taylor-glo' is not one of regularized-evolution, surrogate-evolution, gp, random, glo, taylorglo")]
    [InlineData("""{"islands": {"count": 2, "methods": ["taylorglo"]}}""", "migration.count: no island can take another's migrants (taylorglo islands exchange with none")]
    [InlineData("""{"islands": {"count": 2, "methods": ["glo", "regularized-evolution"], "space": "cell"}}""", "migration.count: no island can take another's migrants")]
    public void A_bad_island_method_field_is_named_with_its_path(string json, string expected)
    {
        var error = Assert.Throws<SearchSpecException>(() => SearchSpecJson.Parse(json, "spec.json"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("spec.json: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cma_es_defaults_are_taylorglos_published_ones_and_every_method_mixes_in_one_search()
    {
        var spec = SearchSpecJson.Parse("""{"islands": {"count": 5, "methods": ["glo", "taylorglo", "gp", "regularized-evolution", "random"], "space": "tree"}}""", "spec.json");

        Assert.Equal(new CmaEsSpec { Every = 100, PopulationSize = 20, Sigma = 1.2, Generations = 100 }, spec.Islands.CmaEs);
        Assert.Empty(SearchSpecValidator.Validate(spec));
    }

    [Fact]
    public void Migrants_go_only_to_islands_that_can_read_them()
    {
        // 0 glo, 1 taylorglo, 2 gp (tree/full), 3 regularized-evolution (tree/full), 4 glo.
        var spec = SearchSpecJson.Parse("""{"islands": {"count": 5, "methods": ["glo", "taylorglo", "gp", "regularized-evolution", "glo"], "space": "tree"}}""", "spec.json");
        var random = new Random(1);

        Assert.Equal(2, MigrationTopology.Neighbour(spec, 0, random));
        Assert.Null(MigrationTopology.Neighbour(spec, 1, random));
        Assert.Equal(3, MigrationTopology.Neighbour(spec, 2, random));
        Assert.Equal(2, MigrationTopology.Neighbour(spec, 3, random));
        Assert.Equal(0, MigrationTopology.Neighbour(spec, 4, random));

        var randomTopology = spec with { Migration = spec.Migration with { Topology = "random" } };
        var picked = Enumerable.Range(0, 100).Select(_ => MigrationTopology.Neighbour(randomTopology, 4, random)!.Value).ToHashSet();
        Assert.Equal([0, 2, 3], picked.Order());
    }

    [Fact]
    public void The_shipped_seed_methods_spec_runs_all_three_seed_methods_side_by_side()
    {
        var spec = SearchSpecJson.Load(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "specs", "seed-methods.json"));

        Assert.Equal(["regularized-evolution", "glo", "taylorglo"], spec.Islands.Methods);
        Assert.Equal("cell", spec.Islands.Space);
        Assert.Contains("taylorglo-mnist", spec.FinalStage.Baselines);
    }
}
