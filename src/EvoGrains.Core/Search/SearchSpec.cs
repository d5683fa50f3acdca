namespace EvoGrains.Core.Search;

/// <summary>
/// Everything a search needs, as users write it in JSON (see the README). Validate with
/// <see cref="SearchSpecValidator"/> before anything starts.
/// </summary>
public sealed record SearchSpec
{
    public string Name { get; init; } = "search";

    public int Seed { get; init; } = 1;

    public IslandSpec Islands { get; init; } = new();

    public MigrationSpec Migration { get; init; } = new();

    public BudgetSpec Budget { get; init; } = new();

    public EvaluationSpec Evaluation { get; init; } = new();

    public TrainerSpec Trainers { get; init; } = new();

    public FinalStageSpec FinalStage { get; init; } = new();
}
