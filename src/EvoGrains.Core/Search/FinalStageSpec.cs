using System.Text.Json.Serialization;
using Orleans;

namespace EvoGrains.Core.Search;

/// <summary>
/// After the budget (METHODS.md §6, NLFS's elimination protocol): the best <see cref="TopK"/> losses go through
/// <see cref="Rounds"/> on validation, each keeping its best; the survivors and the <see cref="Baselines"/> are then
/// retrained <see cref="TestSeeds"/> times for <see cref="Steps"/> steps and measured on the test set.
/// Without rounds, <see cref="TopK"/>, <see cref="Steps"/> and <see cref="Seeds"/> describe that one test round, and
/// the <see cref="Tune"/> grids are trained in one validation round of <see cref="Steps"/> steps and
/// <see cref="Seeds"/> seeds. Each <see cref="Transfer"/> setting retrains the test table's arms with its own training
/// settings.
/// </summary>
[GenerateSerializer, Immutable, Alias("evograins.final-stage-spec")]
public sealed record FinalStageSpec
{
    public const int DefaultTestSeeds = 10;

    [Id(0)] internal readonly int topK = 3;

    public int TopK { get => topK; init => topK = value; }

    [Id(1)] internal readonly int steps = 600;

    public int Steps { get => steps; init => steps = value; }

    [Id(2)] internal readonly int seeds = 5;

    public int Seeds { get => seeds; init => seeds = value; }

    [Id(3)] internal readonly IReadOnlyList<string> baselines = ["ce", "ls-ce", "focal", "baikal", "ngl"];

    public IReadOnlyList<string> Baselines { get => baselines; init => baselines = value; }

    [Id(4)] internal readonly IReadOnlyList<TunedFamilySpec>? tune;

    /// <summary>
    /// Baseline families tuned on validation before the test round; unset: <see cref="TunedFamilySpec.Defaults"/> for
    /// the evaluation's regime (label noise or not); empty: none.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TunedFamilySpec>? Tune { get => tune; init => tune = value; }

    [Id(5)] internal readonly IReadOnlyList<FinalRoundSpec> rounds = [];

    /// <summary>Elimination rounds on validation, run in order; empty: none.</summary>
    public IReadOnlyList<FinalRoundSpec> Rounds { get => rounds; init => rounds = value; }

    [Id(6)] internal readonly int? testSeeds;

    /// <summary>
    /// Seeds of the test round; unset: <see cref="DefaultTestSeeds"/> with rounds, <see cref="Seeds"/> without.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? TestSeeds { get => testSeeds; init => testSeeds = value; }

    [Id(7)] internal readonly IReadOnlyList<TransferSpec> transfer = [];

    /// <summary>
    /// Transfer settings (METHODS.md §9): after the test table's runs, its arms (survivors, baselines, tuned
    /// baselines) are retrained in each setting with the test table's seeds and measured on the test set; empty: none.
    /// </summary>
    public IReadOnlyList<TransferSpec> Transfer { get => transfer; init => transfer = value; }

    [JsonIgnore]
    public int EffectiveTestSeeds => TestSeeds ?? (Rounds.Count > 0 ? DefaultTestSeeds : Seeds);
}
