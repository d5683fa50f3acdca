using Microsoft.Extensions.Logging;

namespace EvoGrains.Hosting;

/// <summary>
/// Makes sure a silo started on the endpoint of a killed one marks that predecessor Dead. Orleans'
/// own start-up cleanup does so with one conditional table write whose failure it does not retry
/// (the acknowledged kill request completes even when the write lost the table-version race), so
/// when a whole cluster restarts at once a predecessor can stay Active, and every other joiner then
/// fails its connectivity check against it until probes evict it. This retries until no older
/// generation on this endpoint is left Active.
/// </summary>
internal sealed partial class PredecessorRetirement(
    IMembershipTable table,
    ILocalSiloDetails localSilo,
    ILogger<PredecessorRetirement> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(
            nameof(PredecessorRetirement), ServiceLifecycleStage.AfterRuntimeGrainServices, RetireAsync);

    /// <summary>Marks every older generation of this silo's endpoint Dead; returns how many it marked.</summary>
    public async Task<int> RetireAsync(CancellationToken cancellationToken)
    {
        var me = localSilo.SiloAddress;
        var retired = 0;
        var deadline = DateTime.UtcNow + Deadline;
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await table.ReadAllAsync(cancellationToken);
            var predecessor = snapshot.Members.FirstOrDefault(row =>
                row.Item1.SiloAddress.Endpoint.Equals(me.Endpoint)
                && row.Item1.SiloAddress.Generation < me.Generation
                && row.Item1.Status != SiloStatus.Dead);
            if (predecessor is null)
            {
                return retired;
            }

            var (entry, etag) = predecessor;
            entry.Status = SiloStatus.Dead;
            entry.AddSuspector(me, DateTime.UtcNow);
            if (await table.UpdateRowAsync(entry, etag, snapshot.Version.Next(), cancellationToken))
            {
                retired++;
                LogRetired(entry.SiloAddress, me);
                continue;
            }

            if (DateTime.UtcNow > deadline)
            {
                // Probes and votes will evict it; start-up goes on either way.
                LogGaveUp(entry.SiloAddress, attempt);
                return retired;
            }

            // Another silo wrote the table first: read it again after a short, jittered pause.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(50, 250)), cancellationToken);
        }
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Marked predecessor {Predecessor} Dead in the membership table (this silo is {Silo}).")]
    private partial void LogRetired(SiloAddress predecessor, SiloAddress silo);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Could not mark predecessor {Predecessor} Dead after {Attempts} conflicting writes; "
            + "leaving it to failure detection.")]
    private partial void LogGaveUp(SiloAddress predecessor, int attempts);
}
