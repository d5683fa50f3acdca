using Orleans;

namespace EvoGrains.Core.Search;

/// <summary>
/// Everything a search needs, as users write it in JSON (see the README). Validate with
/// <see cref="SearchSpecValidator"/> before anything starts.
/// </summary>
[GenerateSerializer, Immutable, Alias("evograins.search-spec")]
public sealed record SearchSpec
{
    [Id(0)] internal readonly string name = "search";

    public string Name { get => name; init => name = value; }

    [Id(1)] internal readonly int seed = 1;

    public int Seed { get => seed; init => seed = value; }

    [Id(2)] internal readonly IslandSpec islands = new();

    public IslandSpec Islands { get => islands; init => islands = value; }

    [Id(3)] internal readonly MigrationSpec migration = new();

    public MigrationSpec Migration { get => migration; init => migration = value; }

    [Id(4)] internal readonly BudgetSpec budget = new();

    public BudgetSpec Budget { get => budget; init => budget = value; }

    [Id(5)] internal readonly EvaluationSpec evaluation = new();

    public EvaluationSpec Evaluation { get => evaluation; init => evaluation = value; }

    [Id(6)] internal readonly TrainerSpec trainers = new();

    public TrainerSpec Trainers { get => trainers; init => trainers = value; }

    [Id(7)] internal readonly FinalStageSpec finalStage = new();

    public FinalStageSpec FinalStage { get => finalStage; init => finalStage = value; }
}
