using EvoGrains.Abstractions;
using EvoGrains.Core.Search;

namespace EvoGrains.Grains.Searches;

[GenerateSerializer, Alias("evograins.search-registry-state")]
public sealed class SearchRegistryState
{
    [Id(0)]
    public Dictionary<string, SearchSummary> Searches { get; set; } = new(StringComparer.Ordinal);
}
