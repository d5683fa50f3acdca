using EvoGrains.Abstractions;
using EvoGrains.Core.Search;
using EvoGrains.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EvoGrains.Hosting.Tests.Web;

/// <summary>
/// A real silo with its web host, built as the silo executable builds it (<c>AddEvoGrainsSilo</c> and
/// <c>MapEvoGrainsSiloEndpoints</c>) on a free loopback port, with CPU trainers for the synthetic evaluator.
/// </summary>
internal sealed class WebSilo : IAsyncDisposable
{
    public const string Token = "test-token-0123456789abcdef";

    private readonly WebApplication app;

    private WebSilo(WebApplication app)
    {
        this.app = app;
        Address = new Uri(app.Urls.First());
        Grains = app.Services.GetRequiredService<IGrainFactory>();
    }

    public Uri Address { get; }

    public IGrainFactory Grains { get; }

    public static async Task<WebSilo> StartAsync(string? accessToken = null)
    {
        var configuration = SiloHostFactory.BaseConfiguration($"svc-{Guid.NewGuid():N}");
        configuration["EvoGrains:Clustering:Provider"] = "localhost";
        configuration["EvoGrains:Storage:Provider"] = "memory";
        configuration["EvoGrains:Placement:AllowCpuTrainers"] = "true";
        configuration["EvoGrains:Web:AccessToken"] = accessToken;
        configuration["Urls"] = "http://127.0.0.1:0";

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.ClearProviders();
        builder.AddEvoGrainsSilo();
        var app = builder.Build();
        app.MapEvoGrainsSiloEndpoints();
        await app.StartAsync();
        return new WebSilo(app);
    }

    public HttpClient Http(bool decompress = true) => new(new SocketsHttpHandler
    {
        AutomaticDecompression = decompress ? System.Net.DecompressionMethods.All : System.Net.DecompressionMethods.None,
    })
    {
        BaseAddress = Address,
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>Starts a synthetic search (key <paramref name="id"/>) and returns its grain.</summary>
    public async Task<ISearchGrain> StartSearchAsync(string id, SearchSpec spec)
    {
        var search = Grains.GetGrain<ISearchGrain>(id);
        await search.StartAsync(spec);
        return search;
    }

    /// <summary>Waits until the search is terminal.</summary>
    public static async Task<SearchStatus> EndAsync(ISearchGrain search, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        SearchStatus? last = null;
        await foreach (var status in search.WatchAsync(limit.Token))
        {
            last = status;
        }

        return last!;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>Small synthetic searches: no data, no libtorch, seconds long.</summary>
internal static class SyntheticSpecs
{
    public static SearchSpec Of(int evaluations, int delayMs = 20, string name = "web") => new()
    {
        Name = name,
        Seed = 5,
        Islands = new IslandSpec { Count = 2, Methods = ["regularized-evolution", "random"], PopulationSize = 8, SeedEvaluations = 8, InFlight = 2 },
        Migration = new MigrationSpec { Every = 5, Count = 1 },
        Budget = new BudgetSpec { MaxEvaluations = evaluations },
        Evaluation = new EvaluationSpec { Evaluator = "synthetic", SyntheticDelayMs = delayMs },
        Trainers = new TrainerSpec { Count = 2, LeaseSeconds = 5 },
        FinalStage = new FinalStageSpec { TopK = 2, Steps = 10, Seeds = 2, Baselines = ["ce", "baikal"] },
    };
}
