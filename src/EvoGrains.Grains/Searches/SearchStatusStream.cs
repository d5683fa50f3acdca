using System.Runtime.CompilerServices;
using EvoGrains.Core.Search;

namespace EvoGrains.Grains.Searches;

/// <summary>A search's status every period until it is terminal (the last snapshot) or not started.</summary>
public static class SearchStatusStream
{
    public static async IAsyncEnumerable<SearchStatus> Watch(
        Func<SearchStatus> status, TimeSpan period, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            var snapshot = status();
            yield return snapshot;
            if (snapshot.IsTerminal || snapshot.State == SearchState.Created)
            {
                yield break;
            }

            await Task.Delay(period, cancellationToken);
        }
    }
}
