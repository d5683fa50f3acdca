using System.Text.Json.Nodes;
using EvoGrains.Core.Search;

namespace EvoGrains.Core.Tests.Search;

/// <summary>
/// Bad specs never crash: every field of a spec, found by walking a spec's JSON tree (<see cref="SpecFieldWalk"/>), set
/// to null or to a number outside every documented range, is refused as one line naming that field, and nothing else
/// is thrown. The walk runs over the defaults (features off: no rungs, no rounds, no CMA-ES method) and over a spec
/// that sets every field (features on), so a range is checked whether or not its feature is in use.
/// </summary>
public sealed class SearchSpecFieldWalkTests
{
    private const string Source = "spec.json";

    // spec-reference.md documents seed as any int: only values that are no int at all are out of its range.
    private static readonly HashSet<string> AnyInt = ["seed"];

    private static readonly Dictionary<string, SearchSpec> Specs = new(StringComparer.Ordinal)
    {
        ["defaults"] = new SearchSpec(),
        ["full"] = Full,
    };

    // Every optional field set and every list non-empty; valid.
    private static SearchSpec Full => new()
    {
        Name = "full",
        Seed = 7,
        Islands = new IslandSpec
        {
            Count = 3,
            Methods = ["gp", "glo", "taylorglo"],
            Space = "tree",
            Operators = "glo",
            MaxDepth = 4,
            Reduction = "mean",
            PopulationSize = 30,
            TournamentSize = 4,
            SeedEvaluations = 60,
            Elites = 3,
            InFlight = 4,
            CmaEs = new CmaEsSpec { Every = 50, PopulationSize = 24, Sigma = 0.8, Generations = 40 },
        },
        Migration = new MigrationSpec { Every = 10, Count = 3, Topology = "random" },
        Budget = new BudgetSpec { MaxEvaluations = 500, MaxMinutes = 90, MaxTrainingSteps = 1_000_000 },
        Evaluation = new EvaluationSpec
        {
            Evaluator = "synthetic",
            Dataset = "folder",
            DataPath = "/data/pets",
            ImageSize = 32,
            Channels = 3,
            Layout = "nhwc",
            Model = "torchscript",
            ModelPath = "/data/net.pt",
            Pretrained = true,
            Steps = 300,
            BatchSize = 32,
            LearningRate = 0.01,
            Optimizer = "sgd",
            WarmupSteps = 10,
            TrainSubset = 5000,
            ValidationSize = 1000,
            EarlyStopStep = 100,
            EarlyStopAccuracy = 0.2,
            Seeds = 2,
            Rungs = [new RungSpec { Steps = 100, Seeds = 1 }, new RungSpec { Steps = 300, Seeds = 2 }],
            Promote = 0.5,
            LabelNoise = 0.2,
            Augment = "crop-flip",
            SyntheticDelayMs = 5,
        },
        Trainers = new TrainerSpec { Count = 2, AllowCpu = false, Threads = 2, LeaseSeconds = 60, PackSize = 4 },
        FinalStage = new FinalStageSpec
        {
            TopK = 6,
            Steps = 800,
            Seeds = 3,
            Baselines = ["ce", "focal"],
            Tune = [new TunedFamilySpec { Family = "ls-ce", Grid = [[0.1], [0.3]] }, new TunedFamilySpec { Family = "sce", Grid = [[0.1, 1]] }],
            Rounds = [new FinalRoundSpec { Keep = 4, Steps = 400, Seeds = 2, TrainSubset = 2000 }, new FinalRoundSpec { Keep = 2, Steps = 800, Seeds = 3, TrainSubset = 0 }],
            TestSeeds = 4,
            Transfer = [new TransferSpec { Name = "resnet9 on everything", Model = "resnet9", TrainSubset = 0, LabelNoise = 0.4, Steps = 300, BatchSize = 128, LearningRate = 0.002, Augment = "none" }],
        },
    };

    public static TheoryData<string, string> Nulls()
    {
        var cases = new TheoryData<string, string>();
        foreach (var (spec, field) in Walk())
        {
            cases.Add(spec, field.Path);
        }

        return cases;
    }

    public static TheoryData<string, string, string> Numbers()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var (spec, field) in Walk().Where(c => c.Field.IsNumber))
        {
            foreach (var value in OutOfRange(field))
            {
                cases.Add(spec, field.Path, value);
            }
        }

        return cases;
    }

    [Fact]
    public void The_walked_specs_are_valid_and_the_full_one_sets_every_field()
    {
        foreach (var (name, spec) in Specs)
        {
            Assert.True(SearchSpecValidator.Validate(spec) is [], $"{name}: {string.Join("; ", SearchSpecValidator.Validate(spec))}");
            Assert.Equal(SearchSpecJson.Write(spec), SearchSpecJson.Write(SearchSpecJson.Parse(SearchSpecJson.Write(spec), Source)));
        }

        Assert.Empty(SpecFieldWalk.Missing(JsonNode.Parse(SearchSpecJson.Write(Full))!));
    }

    [Fact]
    public void The_walk_reaches_every_depth_and_every_kind_of_field()
    {
        var paths = SpecFieldWalk.Fields(JsonNode.Parse(SearchSpecJson.Write(Full))!).Select(f => f.Path).ToList();

        Assert.Subset(
            paths.ToHashSet(),
            new HashSet<string> { "name", "seed", "islands", "islands.methods[2]", "islands.cmaEs.sigma", "budget.maxTrainingSteps", "trainers.allowCpu",
             "evaluation.rungs", "evaluation.rungs[1]", "evaluation.rungs[1].seeds", "finalStage.rounds[1].trainSubset", "finalStage.testSeeds", "finalStage.baselines[1]", "finalStage.tune[1].grid[0][1]", "finalStage.transfer[0].learningRate", "evaluation.augment" });
        Assert.Equal(paths.Count, paths.Distinct().Count());
        Assert.True(paths.Count > 70, $"only {paths.Count} fields walked");
    }

    [Fact]
    public void Every_value_the_walk_reaches_is_a_kind_it_has_cases_for()
    {
        // A value of another kind (an enum, a float, a date) needs its own out-of-range cases here before it joins a spec.
        var others = SpecFieldWalk.Fields(JsonNode.Parse(SearchSpecJson.Write(Full))!)
            .Where(f => f.IsValue && !f.IsNumber && f.ValueType != typeof(string) && f.ValueType != typeof(bool))
            .Select(f => $"{f.Path} ({f.ValueType.Name})");

        Assert.Empty(others);
    }

    [Theory]
    [MemberData(nameof(Nulls))]
    public void A_null_anywhere_is_one_line_naming_its_field(string spec, string path)
    {
        var json = SpecFieldWalk.With(SearchSpecJson.Write(Specs[spec]), path, "null");

        var error = Assert.Throws<SearchSpecException>(() => SearchSpecJson.Parse(json, Source));

        Assert.Equal($"{Source}: {path}: must not be null", error.Message);
    }

    [Theory]
    [MemberData(nameof(Numbers))]
    public void A_number_outside_its_documented_range_is_one_line_naming_its_field(string spec, string path, string value)
    {
        var json = SpecFieldWalk.With(SearchSpecJson.Write(Specs[spec]), path, value);

        var error = Assert.Throws<SearchSpecException>(() => SearchSpecJson.Parse(json, Source));

        Assert.StartsWith($"{Source}: {path}: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Several_nulls_are_counted_after_the_first()
    {
        var error = Assert.Throws<SearchSpecException>(() => SearchSpecJson.Parse("""{"budget": null, "evaluation": {"rungs": [{"steps": 10}, null]}, "finalStage": {"testSeeds": null}}""", Source));

        Assert.Equal($"{Source}: budget: must not be null (and 2 more)", error.Message);
    }

    // JSON has no NaN or infinity: a string and a number beyond double's range stand in for them.
    private static IEnumerable<string> OutOfRange(SpecField field)
    {
        string[] unreadable = ["\"NaN\"", "1e400"];
        if (AnyInt.Contains(field.Path))
        {
            return unreadable;
        }

        return field.ValueType == typeof(int)
            ? ["-1", "-2147483648", "2147483647", .. unreadable]
            : ["-1", "-1e15", "1e15", .. unreadable];
    }

    private static IEnumerable<(string Spec, SpecField Field)> Walk() =>
        from spec in Specs
        from field in SpecFieldWalk.Fields(JsonNode.Parse(SearchSpecJson.Write(spec.Value))!)
        select (spec.Key, field);
}
