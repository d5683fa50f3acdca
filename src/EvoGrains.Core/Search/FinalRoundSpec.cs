using System.Text.Json.Serialization;
using Orleans;

namespace EvoGrains.Core.Search;

/// <summary>
/// One elimination round: every remaining loss trains <see cref="Seeds"/> times for <see cref="Steps"/> steps; the
/// best <see cref="Keep"/> by mean validation accuracy go on.
/// </summary>
[GenerateSerializer, Immutable, Alias("evograins.final-round-spec")]
public sealed record FinalRoundSpec
{
    [Id(0)] internal readonly int keep = 1;

    public int Keep { get => keep; init => keep = value; }

    [Id(1)] internal readonly int steps = 600;

    public int Steps { get => steps; init => steps = value; }

    [Id(2)] internal readonly int seeds = 1;

    public int Seeds { get => seeds; init => seeds = value; }

    [Id(3)] internal readonly int? trainSubset;

    /// <summary>Training images for this round; unset: the evaluation's trainSubset.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? TrainSubset { get => trainSubset; init => trainSubset = value; }
}
