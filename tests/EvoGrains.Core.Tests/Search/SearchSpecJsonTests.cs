using EvoGrains.Core.Search;

namespace EvoGrains.Core.Tests.Search;

public sealed class SearchSpecJsonTests
{
    private static string SpecsFolder => Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "specs");

    [Theory]
    [InlineData("quickstart.json")]
    [InlineData("fashion-mnist.json")]
    [InlineData("cifar10-gpu.json")]
    [InlineData("seed-methods.json")]
    [InlineData("fashion-mnist-lowdata.json")]
    [InlineData("fashion-mnist-lowdata-transfer.json")]
    public void Shipped_specs_are_valid(string file)
    {
        var spec = SearchSpecJson.Load(Path.Combine(SpecsFolder, file));

        Assert.Equal(Path.GetFileNameWithoutExtension(file), spec.Name);
        Assert.Empty(SearchSpecValidator.Validate(spec));
    }

    [Fact]
    public void Baselines_may_name_zoo_families_with_parameters()
    {
        var spec = SearchSpecJson.Parse("""{"finalStage": {"baselines": ["ls-ce(0.3)", " sce(0.1, 1) ", "nce+rce", "nce+nnce(5,5)", "gce"]}}""", "spec.json");

        Assert.Empty(SearchSpecValidator.Validate(spec));
    }

    [Fact]
    public void A_spec_round_trips_through_json()
    {
        var spec = new SearchSpec { Name = "x", Islands = new IslandSpec { Count = 3, Methods = ["gp"], Space = "tree" } };

        var back = SearchSpecJson.Parse(SearchSpecJson.Write(spec), "memory");

        Assert.Equal(SearchSpecJson.Write(spec), SearchSpecJson.Write(back));
        Assert.Equal(3, back.Islands.Count);
    }

    [Theory]
    [InlineData("""{"islands": {"count": 0}}""", "islands.count: must be between 1 and 64 (got 0)")]
    [InlineData("""{"islands": {"count": 100000}}""", "islands.count: must be between 1 and 64")]
    [InlineData("""{"islands": {"populationSize": 10000000}}""", "islands.populationSize: must be between 2 and 1000")]
    [InlineData("""{"islands": {"maxDepth": 40}}""", "islands.maxDepth: must be between 2 and 10")]
    [InlineData("""{"islands": {"methods": ["annealing"]}}""", "islands.methods[0]: 'annealing' is not one of")]
    [InlineData("""{"islands": {"methods": ["gp"], "space": "cell"}}""", "gp needs the tree space")]
    [InlineData("""{"islands": {"inFlight": 100000}}""", "islands.inFlight: must be between 1 and 256")]
    [InlineData("""{"budget": {"maxEvaluations": 0}}""", "budget.maxEvaluations: must be between 1 and 1000000")]
    [InlineData("""{"budget": {"maxEvaluations": 1e12}}""", "budget.maxEvaluations: wrong type")]
    [InlineData("""{"budget": {"maxMinutes": -1}}""", "budget.maxMinutes: must be between 0")]
    [InlineData("""{"evaluation": {"dataset": "imagenet"}}""", "evaluation.dataset: 'imagenet' is not one of")]
    [InlineData("""{"evaluation": {"steps": "many"}}""", "evaluation.steps: wrong type")]
    [InlineData("""{"evaluation": {"batchSize": 1000000}}""", "evaluation.batchSize: must be between 1 and 4096")]
    [InlineData("""{"evaluation": {"learningRate": 0}}""", "evaluation.learningRate: must be between")]
    [InlineData("""{"trainers": {"count": 5000}}""", "trainers.count: must be between 1 and 256")]
    [InlineData("""{"finalStage": {"baselines": ["ce", "hinge"]}}""", "finalStage.baselines[1]: 'hinge' is not a zoo loss")]
    [InlineData("""{"finalStage": {"baselines": ["gce(2)"]}}""", "finalStage.baselines[0]: gce(2): gce's q must be in (0, 1] (got 2)")]
    [InlineData("""{"finalStage": {"baselines": ["ce", "sce(0.1)"]}}""", "finalStage.baselines[1]: sce(0.1): sce takes 2 parameters")]
    [InlineData("""{"finalStage": {"tune": [{"family": "hinge", "grid": [[1]]}]}}""", "finalStage.tune[0].family: 'hinge' is not the bare name of a zoo family (ce, ls-ce,")]
    [InlineData("""{"finalStage": {"tune": [{"family": "ls-ce(0.1)", "grid": [[0.2]]}]}}""", "finalStage.tune[0].family: 'ls-ce(0.1)' is not the bare name")]
    [InlineData("""{"finalStage": {"tune": [{"family": "mae", "grid": [[]]}]}}""", "finalStage.tune[0].family: mae has no parameter to tune")]
    [InlineData("""{"finalStage": {"tune": [{"family": "gce", "grid": [[0.5]]}, {"family": "GCE", "grid": [[0.7]]}]}}""", "finalStage.tune[1].family: gce is tuned twice")]
    [InlineData("""{"finalStage": {"tune": [{"family": "gce", "grid": []}]}}""", "finalStage.tune[0].grid: must be between 1 and 50 (got 0)")]
    [InlineData("""{"finalStage": {"tune": [{"family": "gce", "grid": [[0.5], [2]]}]}}""", "finalStage.tune[0].grid[1][0]: gce(2): gce's q must be in (0, 1] (got 2)")]
    [InlineData("""{"finalStage": {"tune": [{"family": "sce", "grid": [[0.1, 1], [0.1]]}]}}""", "finalStage.tune[0].grid[1]: sce(0.1): sce takes 2 parameters")]
    [InlineData("""{"finalStage": {"tune": [{"family": "ls-ce", "grid": [[0.1], [0.2], [0.1]]}]}}""", "finalStage.tune[0].grid[2]: ls-ce is listed twice")]
    [InlineData("""{"finalStage": {"tune": [{"family": "ls-ce"}]}}""", "finalStage.tune[0]")]
    [InlineData("""{"migration": {"topology": "star"}}""", "migration.topology: 'star' is not one of ring, random")]
    [InlineData("""{"finalStage": {"topK": 5, "rounds": [{"keep": 6, "steps": 10, "seeds": 1}]}}""", "finalStage.rounds[0].keep: must be between 1 and 5 (got 6)")]
    [InlineData("""{"finalStage": {"topK": 9, "rounds": [{"keep": 4}, {"keep": 5}]}}""", "finalStage.rounds[1].keep: must be between 1 and 4 (got 5)")]
    [InlineData("""{"finalStage": {"rounds": [{"keep": 1, "steps": 0}]}}""", "finalStage.rounds[0].steps: must be between 1 and 10000000")]
    [InlineData("""{"finalStage": {"rounds": [{"keep": 1, "seeds": 51}]}}""", "finalStage.rounds[0].seeds: must be between 1 and 50")]
    [InlineData("""{"finalStage": {"rounds": [{"keep": 1, "trainSubset": -1}]}}""", "finalStage.rounds[0].trainSubset: must be between 0")]
    [InlineData("""{"finalStage": {"rounds": [{"keep": 1, "budget": 3}]}}""", "finalStage.rounds[0].budget: unknown field")]
    [InlineData("""{"finalStage": {"rounds": [null]}}""", "finalStage.rounds[0]: must not be null")]
    [InlineData("""{"finalStage": {"rounds": null}}""", "finalStage.rounds: must not be null")]
    [InlineData("""{"finalStage": {"testSeeds": 1}}""", "finalStage.testSeeds: must be between 2 and 100 (got 1)")]
    [InlineData("""{"evaluation": {"seeds": 0}}""", "evaluation.seeds: must be between 1 and 50 (got 0)")]
    [InlineData("""{"evaluation": {"labelNoise": 0.9}}""", "evaluation.labelNoise: must be between 0 and 0.8 (got 0.9)")]
    [InlineData("""{"evaluation": {"rungs": [{"steps": 100}, {"steps": 100}]}}""", "evaluation.rungs[1]: must cost more than rung 0 (steps x seeds 100 <= 100)")]
    [InlineData("""{"evaluation": {"warmupSteps": 20, "rungs": [{"steps": 10}]}}""", "evaluation.rungs[0].steps: must be between 20 and 1000000 (got 10)")]
    [InlineData("""{"evaluation": {"rungs": [{"steps": 100, "seeds": 99}]}}""", "evaluation.rungs[0].seeds: must be between 1 and 50 (got 99)")]
    [InlineData("""{"evaluation": {"rungs": [null]}}""", "evaluation.rungs[0]: must not be null")]
    [InlineData("""{"evaluation": {"rungs": null}}""", "evaluation.rungs: must not be null")]
    [InlineData("""{"evaluation": {"promote": 1, "rungs": [{"steps": 100}, {"steps": 300}]}}""", "evaluation.promote: must be between 0.01 and 0.99 (got 1)")]
    [InlineData("""{"budget": {"maxTrainingSteps": -5}}""", "budget.maxTrainingSteps: must be between 0")]
    [InlineData("""{"evaluation": {"promote": 0}}""", "evaluation.promote: must be between 0.01 and 0.99 (got 0)")]
    [InlineData("""{"finalStage": {"topK": 0, "rounds": [{"keep": 1}]}}""", "finalStage.rounds[0].keep: must be between 1 and 0 (got 1)")]
    [InlineData("""{"name": "no spaces allowed"}""", "name: must be 1..64 letters")]
    [InlineData("""{"islandz": {}}""", "islandz: unknown field")]
    [InlineData("""{"islands": {"count": 2, "colour": "red"}}""", "islands.colour: unknown field")]
    [InlineData("""{"islands": {"colour": null, "count": null}}""", "islands.colour: unknown field")]
    [InlineData("""{"islands": """, "spec.json: ")]
    [InlineData("""[1, 2]""", "spec.json: ")]
    [InlineData("""null""", "the spec is empty")]
    public void Bad_specs_are_rejected_naming_the_field(string json, string expected)
    {
        var error = Assert.Throws<SearchSpecException>(() => SearchSpecJson.Parse(json, "spec.json"));

        Assert.StartsWith("spec.json: ", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Rounds_and_test_seeds_read_back_and_default_to_ten_test_seeds_with_rounds()
    {
        var spec = SearchSpecJson.Parse("""{"finalStage": {"topK": 25, "steps": 900, "rounds": [{"keep": 12, "steps": 800, "seeds": 3, "trainSubset": 20000}, {"keep": 6, "steps": 1600, "seeds": 2}]}}""", "spec.json");

        Assert.Equal([12, 6], spec.FinalStage.Rounds.Select(r => r.Keep));
        Assert.Equal([20000, (int?)null], spec.FinalStage.Rounds.Select(r => r.TrainSubset));
        Assert.Equal(10, spec.FinalStage.EffectiveTestSeeds);
        Assert.Equal(5, new FinalStageSpec().EffectiveTestSeeds);
        Assert.Equal(SearchSpecJson.Write(spec), SearchSpecJson.Write(SearchSpecJson.Parse(SearchSpecJson.Write(spec), "again")));
        Assert.DoesNotContain("testSeeds", SearchSpecJson.Write(spec), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Assert.Throws<SearchSpecException>(() => SearchSpecJson.Load("/nonexistent/spec.json"));

        Assert.Equal("/nonexistent/spec.json: no such spec file", error.Message);
    }
}
