using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Cluster;

/// <summary>
/// Which snapshots a non-interactive progress view prints: the first, the terminal one, and in between one that
/// progressed since the last printed (<see cref="SearchStatus.ProgressedSince"/>), at most one per
/// <paramref name="interval"/>. A change within the interval is not lost: the next snapshot after it carries it.
/// </summary>
public sealed class ProgressThrottle(TimeSpan interval, TimeProvider clock)
{
    private SearchStatus? printed;
    private long printedAt;

    public bool ShouldPrint(SearchStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var now = clock.GetTimestamp();
        var print = printed is null
            || status.IsTerminal
            || (status.ProgressedSince(printed) && clock.GetElapsedTime(printedAt, now) >= interval);
        if (print)
        {
            (printed, printedAt) = (status, now);
        }

        return print;
    }
}
