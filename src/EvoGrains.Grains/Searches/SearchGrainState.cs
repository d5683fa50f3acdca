using EvoGrains.Abstractions;

namespace EvoGrains.Grains.Searches;

/// <summary>
/// A search's durable record: spec, lifecycle, the history (the hall of fame is rebuilt from it),
/// each island's last status, and the final stage's plan and results.
/// </summary>
[GenerateSerializer, Alias("evograins.search-grain-state")]
public sealed class SearchGrainState
{
    [Id(0)]
    public string SpecJson { get; set; } = "";

    [Id(1)]
    public SearchState State { get; set; }

    [Id(2)]
    public DateTimeOffset? StartedAt { get; set; }

    [Id(3)]
    public DateTimeOffset? EndedAt { get; set; }

    [Id(4)]
    public List<HistoryRecord> History { get; set; } = [];

    [Id(5)]
    public long LateResults { get; set; }

    [Id(6)]
    public Dictionary<int, IslandStatus> Islands { get; set; } = [];

    [Id(7)]
    public List<FinalArmPlan> FinalArms { get; set; } = [];

    [Id(8)]
    public Dictionary<string, EvaluationOutcome> FinalResults { get; set; } = new(StringComparer.Ordinal);

    [Id(9)]
    public FinalComparison? Comparison { get; set; }

    /// <summary>Every (island, hash) already reported, counted or late, so a resent result is ignored.</summary>
    [Id(10)]
    public HashSet<string> Reported { get; set; } = new(StringComparer.Ordinal);
}
