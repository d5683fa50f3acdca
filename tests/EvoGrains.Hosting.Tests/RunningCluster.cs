using Microsoft.Extensions.Hosting;

namespace EvoGrains.Hosting.Tests;

/// <summary>Started silo hosts that are stopped gracefully (as in a rolling shutdown) and disposed together.</summary>
internal sealed class RunningCluster(IReadOnlyList<IHost> silos) : IAsyncDisposable
{
    public IReadOnlyList<IHost> Silos { get; } = silos;

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Silos.Reverse())
        {
            await silo.StopAsync();
            silo.Dispose();
        }
    }
}
