using System.Runtime.CompilerServices;
using EvoGrains.Abstractions;
using EvoGrains.Cli.Runs;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Cluster;

/// <summary>
/// Keeps a <see cref="LiveRunFolder"/> up with its search: on every status snapshot, the history rows that arrived
/// since the last, their TensorBoard scalars, the screening shares and, when there were new rows, the hall of fame.
/// </summary>
public static class RunFolderFollower
{
    /// <summary>Passes <paramref name="snapshots"/> on, each after the folder has caught up with it.</summary>
    public static async IAsyncEnumerable<SearchStatus> FollowAsync(
        IAsyncEnumerable<SearchStatus> snapshots, ISearchGrain search, LiveRunFolder folder,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(folder);
        await foreach (var status in snapshots.WithCancellation(cancellationToken))
        {
            if (status.EvaluationsDone > folder.Rows)
            {
                folder.Append(await SearchExporter.ReadHistoryAsync(search, folder.Rows));
                folder.Screening(status);
                folder.HallOfFame(await search.GetHallOfFameAsync());
            }

            yield return status;
        }
    }
}
