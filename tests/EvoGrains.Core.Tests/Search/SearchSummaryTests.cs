using EvoGrains.Core.Search;

namespace EvoGrains.Core.Tests.Search;

public sealed class SearchSummaryTests
{
    [Theory]
    [InlineData(SearchState.Created, false)]
    [InlineData(SearchState.Running, true)]
    [InlineData(SearchState.Paused, false)]
    [InlineData(SearchState.FinalStage, true)]
    [InlineData(SearchState.Completed, false)]
    [InlineData(SearchState.Cancelled, false)]
    [InlineData(SearchState.Failed, false)]
    public void Only_a_search_with_work_to_drive_is_underway(SearchState state, bool underway) =>
        Assert.Equal(underway, new SearchSummary("s", "n", state, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch).IsUnderway());
}
