using System.Text.Json.Serialization;

namespace EvoGrains.Core.Search;

/// <summary>
/// One elimination round: every remaining loss trains <see cref="Seeds"/> times for <see cref="Steps"/> steps; the
/// best <see cref="Keep"/> by mean validation accuracy go on.
/// </summary>
public sealed record FinalRoundSpec
{
    public int Keep { get; init; } = 1;

    public int Steps { get; init; } = 600;

    public int Seeds { get; init; } = 1;

    /// <summary>Training images for this round; unset: the evaluation's trainSubset.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? TrainSubset { get; init; }
}
