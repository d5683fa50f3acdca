using EvoGrains.Core.Search.Book;

namespace EvoGrains.Grains.Searches;

/// <summary>
/// A search's durable record (see <see cref="SearchRecord"/>); full history pages live in history page grains.
/// </summary>
[GenerateSerializer, Alias("evograins.search-grain-state")]
public sealed class SearchGrainState
{
    [Id(0)]
    public SearchRecord Record { get; set; } = SearchRecord.Empty;
}
