using EvoGrains.Abstractions;
using EvoGrains.Grains.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace EvoGrains.Grains.Searches;

/// <summary>
/// Wakes every search that is underway when a silo becomes active. A search is driven by its grain's timer, and
/// timers die with their silo: after the whole cluster restarts nothing would activate a running search until a
/// client asked for it. The registry is in the cluster's storage, so each starting silo reads it and activates the
/// searches that still have work; activation restarts their timers, which poke islands and trainers. Waking an active
/// search is a status read, so silos that start together do no harm.
/// </summary>
public sealed class UnderwaySearchWaker(IGrainFactory grains, ILogger<UnderwaySearchWaker> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    // The first calls can land while the membership of a restarting cluster still settles.
    private static readonly ResiliencePipeline Calls = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(TrainerResilience.IsTransientCallFailure),
            MaxRetryAttempts = 12,
            Delay = TimeSpan.FromMilliseconds(500),
            MaxDelay = TimeSpan.FromSeconds(10),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .Build();

    private readonly CancellationTokenSource stopping = new();
    private Task waking = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(UnderwaySearchWaker), ServiceLifecycleStage.Active, Start, Stop);

    private Task Start(CancellationToken cancellationToken)
    {
        // In the background: a silo's start must not wait for the rest of the cluster.
        waking = Task.Run(() => WakeAsync(stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task Stop(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await waking.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task WakeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var searches = await Calls.ExecuteAsync(
                async _ => await grains.GetGrain<ISearchRegistryGrain>(ISearchRegistryGrain.SingletonKey).ListAsync(),
                cancellationToken);
            foreach (var search in searches.Where(s => s.IsUnderway()))
            {
                await Calls.ExecuteAsync(
                    async _ => await grains.GetGrain<ISearchGrain>(search.SearchId).GetStatusAsync(),
                    cancellationToken);
                logger.LogInformation("Woke search {SearchId} ({State}) on silo start", search.SearchId, search.State);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // The next silo to start, or any client or island call, wakes the search instead.
            logger.LogWarning(error, "Could not wake the searches underway on silo start");
        }
    }
}
