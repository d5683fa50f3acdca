using EvoGrains.Abstractions;
using EvoGrains.Core.Search;

namespace EvoGrains.Grains.Searches;

/// <summary>The records of one sealed history page.</summary>
[GenerateSerializer, Alias("evograins.history-page-state")]
public sealed class HistoryPageState
{
    [Id(0)]
    public List<HistoryEntry> Records { get; set; } = [];
}
