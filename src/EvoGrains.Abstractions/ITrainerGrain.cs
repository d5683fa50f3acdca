using Orleans.Concurrency;

namespace EvoGrains.Abstractions;

/// <summary>
/// One trainer (one GPU or CPU slot; key "{search}/{n}"). Leases jobs from its search's queue in
/// batches of about 50 ms of work (one job when jobs are slow) and trains them one at a time off
/// the Orleans scheduler. All methods are one-way.
/// </summary>
[Alias("evograins.ITrainerGrain")]
public interface ITrainerGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts pulling jobs, or resumes after reactivation; safe to repeat (the search re-sends it as a heartbeat).
    /// </summary>
    [Alias("Start"), OneWay]
    Task StartAsync(TrainerAssignment assignment);

    /// <summary>The queue has work; an idle trainer leases at once instead of waiting for its poll.</summary>
    [Alias("JobAvailable"), OneWay]
    Task JobAvailableAsync();

    /// <summary>Stops training these jobs at once and reports no result for them (their queue dropped them).</summary>
    [Alias("Withdraw"), OneWay]
    Task WithdrawAsync(IReadOnlyList<string> jobIds);

    [Alias("Stop"), OneWay]
    Task StopAsync();
}
