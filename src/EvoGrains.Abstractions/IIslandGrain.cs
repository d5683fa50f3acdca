using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Islands;
using Orleans.Concurrency;

namespace EvoGrains.Abstractions;

/// <summary>
/// One island population (key: "{search}/{i}", see <see cref="GrainKeys"/>). Every method is
/// one-way: callers (search, individuals, other islands) never wait on an island, which keeps
/// migration rings and result notifications free of deadlocks. Lost messages are repaired by the
/// search's periodic <see cref="PokeAsync"/>.
/// </summary>
[Alias("evograins.IIslandGrain")]
public interface IIslandGrain : IGrainWithStringKey
{
    [Alias("Start"), OneWay]
    Task StartAsync(IslandAssignment assignment);

    /// <summary>Refill the in-flight evaluations, re-request stale ones and resend unacknowledged results.</summary>
    [Alias("Poke"), OneWay]
    Task PokeAsync();

    [Alias("Pause"), OneWay]
    Task PauseAsync();

    [Alias("Resume"), OneWay]
    Task ResumeAsync();

    /// <summary>Stop proposing for good (budget spent or cancelled); results still in flight are reported.</summary>
    [Alias("Stop"), OneWay]
    Task StopAsync();

    /// <summary>
    /// An evaluation finished (its key: the hash, with the rung above the first). Ignored unless in flight here, so
    /// repeats are harmless.
    /// </summary>
    [Alias("OnResult"), OneWay]
    Task OnResultAsync(string evaluationKey, EvaluationResult outcome);

    [Alias("ReceiveMigrants"), OneWay]
    Task ReceiveMigrantsAsync(IReadOnlyList<Migrant> migrants);

    [Alias("GetStatus"), ReadOnly]
    Task<IslandStatus> GetStatusAsync();
}
