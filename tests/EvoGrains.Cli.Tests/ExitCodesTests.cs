using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Tests;

/// <summary>`local` and `watch` end with the search: a failed search is a failed command, every other end is success.</summary>
public sealed class ExitCodesTests
{
    [Theory]
    [InlineData(SearchState.Failed, ExitCodes.Failure)]
    [InlineData(SearchState.Completed, ExitCodes.Success)]
    [InlineData(SearchState.Cancelled, ExitCodes.Success)]
    public void A_search_that_ended_failed_exits_with_failure(SearchState state, int expected) =>
        Assert.Equal(expected, ExitCodes.ForSearch(state));
}
