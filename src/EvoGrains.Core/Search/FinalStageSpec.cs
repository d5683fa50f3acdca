using System.Text.Json.Serialization;

namespace EvoGrains.Core.Search;

/// <summary>
/// After the budget (METHODS.md §6, NLFS's elimination protocol): the best <see cref="TopK"/> losses go through
/// <see cref="Rounds"/> on validation, each keeping its best; the survivors and the <see cref="Baselines"/> are then
/// retrained <see cref="TestSeeds"/> times for <see cref="Steps"/> steps and measured on the test set.
/// Without rounds, <see cref="TopK"/>, <see cref="Steps"/> and <see cref="Seeds"/> describe that one test round, and the
/// <see cref="Tune"/> grids are trained in one validation round of <see cref="Steps"/> steps and <see cref="Seeds"/> seeds.
/// Each <see cref="Transfer"/> setting retrains the test table's arms with its own training settings.
/// </summary>
public sealed record FinalStageSpec
{
    public const int DefaultTestSeeds = 10;

    public int TopK { get; init; } = 3;

    public int Steps { get; init; } = 600;

    public int Seeds { get; init; } = 5;

    public IReadOnlyList<string> Baselines { get; init; } = ["ce", "ls-ce", "focal", "baikal", "ngl"];

    /// <summary>
    /// Baseline families tuned on validation before the test round; unset: <see cref="TunedFamilySpec.Defaults"/> for the
    /// evaluation's regime (label noise or not); empty: none.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TunedFamilySpec>? Tune { get; init; }

    /// <summary>Elimination rounds on validation, run in order; empty: none.</summary>
    public IReadOnlyList<FinalRoundSpec> Rounds { get; init; } = [];

    /// <summary>Seeds of the test round; unset: <see cref="DefaultTestSeeds"/> with rounds, <see cref="Seeds"/> without.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? TestSeeds { get; init; }

    /// <summary>
    /// Transfer settings (METHODS.md §9): after the test table's runs, its arms (survivors, baselines, tuned baselines) are
    /// retrained in each setting with the test table's seeds and measured on the test set; empty: none.
    /// </summary>
    public IReadOnlyList<TransferSpec> Transfer { get; init; } = [];

    [JsonIgnore]
    public int EffectiveTestSeeds => TestSeeds ?? (Rounds.Count > 0 ? DefaultTestSeeds : Seeds);
}
