using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EvoGrains.Abstractions;
using EvoGrains.Core.Json;
using EvoGrains.Core.Search;
using EvoGrains.Hosting.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Orleans.Runtime;

namespace EvoGrains.Hosting.Web;

/// <summary>
/// The searches' web page and its HTTP API on the silo's web host (and `evograins local`'s): read-only JSON in the
/// CLI's shapes, server-sent status events, and pause/resume/cancel for requests that carry the configured access
/// token.
/// </summary>
public static class SearchWebApi
{
    /// <summary>Entries a history request returns when it names no <c>limit</c>.</summary>
    public const int DefaultHistoryLimit = 1000;

    /// <summary>The most entries one history request may ask for.</summary>
    public const int MaxHistoryLimit = 5000;

    /// <summary>Search ids are grain keys; a longer one names no search and is not looked up.</summary>
    public const int MaxSearchIdLength = 256;

    /// <summary>
    /// While a search's status does not change, an event stream still sends a comment this often, so proxies keep it
    /// open.
    /// </summary>
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    /// <summary>Maps the pages (/, /searches/{id}, /static/...) and the API (/api/...).</summary>
    public static IEndpointRouteBuilder MapSearchWebPage(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var assets = WebAssets.Instance;
        endpoints.MapGet("/", context => assets.ServeAsync(context, "index.html"));
        endpoints.MapGet("/searches/{id}", context => assets.ServeAsync(context, "search.html"));
        endpoints.MapMethods(
            "/static/{**path}", [HttpMethods.Get, HttpMethods.Head],
            context => assets.ServeAsync(context, (string)context.GetRouteValue("path")!));

        var api = endpoints.MapGroup("/api");
        api.MapGet(
            "/control",
            context => JsonResponses.WriteAsync(context, new ControlInfo(Settings(context).ControlEnabled)));
        api.MapGet("/searches", ListAsync);
        api.MapGet(
            "/searches/{id}",
            context => WithSearchAsync(context, async search =>
                await JsonResponses.WriteAsync(context, await search.GetStatusAsync())));
        api.MapGet(
            "/searches/{id}/history",
            context => WithSearchAsync(context, search => HistoryAsync(context, search)));
        api.MapGet("/searches/{id}/hall-of-fame", context => WithSearchAsync(context, async search =>
            await JsonResponses.WriteTextAsync(
                context,
                HallOfFameJson.Serialize(
                    await search.GetHallOfFameAsync(),
                    await search.GetFinalComparisonAsync(),
                    EvoGrainsJson.LineOptions))));
        api.MapGet(
            "/searches/{id}/hall-of-fame/{hash}",
            context => WithSearchAsync(context, search => LossAsync(context, search)));
        api.MapGet(
            "/searches/{id}/final",
            context => WithSearchAsync(context, async search =>
                await JsonResponses.WriteAsync(context, await search.GetFinalComparisonAsync())));
        api.MapGet(
            "/searches/{id}/events",
            context => WithSearchAsync(context, search => EventsAsync(context, search)));
        api.MapPost("/searches/{id}/pause", context => ControlAsync(context, search => search.PauseAsync()));
        api.MapPost("/searches/{id}/resume", context => ControlAsync(context, search => search.ResumeAsync()));
        api.MapPost("/searches/{id}/cancel", context => ControlAsync(context, search => search.CancelAsync()));
        api.Map(
            "/{**rest}",
            context => JsonResponses.ErrorAsync(
                context, StatusCodes.Status404NotFound,
                $"no such API endpoint: {context.Request.Method} {context.Request.Path}"));
        return endpoints;
    }

    private static WebSettings Settings(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<EvoGrainsSiloOptions>>().Value.Web;

    private static async Task ListAsync(HttpContext context)
    {
        var registry = context.RequestServices.GetRequiredService<IGrainFactory>()
            .GetGrain<ISearchRegistryGrain>(ISearchRegistryGrain.SingletonKey);
        var searches = (await registry.ListAsync()).OrderBy(s => s.CreatedAt).ToList();
        await JsonResponses.WriteAsync(context, searches);
    }

    /// <summary>
    /// Runs <paramref name="action"/> on the search the route names, or answers 404 when there is none.
    /// </summary>
    private static async Task WithSearchAsync(HttpContext context, Func<ISearchGrain, Task> action)
    {
        var id = (string)context.GetRouteValue("id")!;
        var search = id.Length <= MaxSearchIdLength
            ? context.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<ISearchGrain>(id)
            : null;
        if (search is null || await search.GetSpecAsync() is null)
        {
            await JsonResponses.ErrorAsync(
                context, StatusCodes.Status404NotFound, $"no search '{Shorten(id)}' on this cluster");
            return;
        }

        await action(search);
    }

    private static async Task HistoryAsync(HttpContext context, ISearchGrain search)
    {
        var query = context.Request.Query;
        if (!TryReadNumber(query, "after", 0, long.MaxValue, 0, out var after, out var problem)
            || !TryReadNumber(query, "limit", 1, MaxHistoryLimit, DefaultHistoryLimit, out var limit, out problem))
        {
            await JsonResponses.ErrorAsync(context, StatusCodes.Status400BadRequest, problem!);
            return;
        }

        await JsonResponses.WriteAsync(context, await search.GetHistoryAsync(after, (int)limit));
    }

    private static bool TryReadNumber(
        IQueryCollection query,
        string name,
        long min,
        long max,
        long fallback,
        out long value,
        out string? problem)
    {
        value = fallback;
        problem = null;
        var given = query[name];
        if (given.Count == 0)
        {
            return true;
        }

        if (given.Count == 1
            && long.TryParse(given[0], NumberStyles.None, CultureInfo.InvariantCulture, out value)
            && value >= min
            && value <= max)
        {
            return true;
        }

        var range = max == long.MaxValue ? $"a whole number >= {min}" : $"a whole number from {min} to {max}";
        problem = $"{name} must be {range}, got '{Shorten(string.Join(",", given.ToArray()))}'";
        return false;
    }

    private static async Task LossAsync(HttpContext context, ISearchGrain search)
    {
        var hash = (string)context.GetRouteValue("hash")!;
        var entry = (await search.GetHallOfFameAsync()).FirstOrDefault(e => e.Hash == hash);
        if (entry is null)
        {
            await JsonResponses.ErrorAsync(context, StatusCodes.Status404NotFound,
                $"no loss '{Shorten(hash)}' in the hall of fame of "
                + $"'{Shorten((string)context.GetRouteValue("id")!)}'");
            return;
        }

        await JsonResponses.WriteAsync(context, LossDetails.Of(entry));
    }

    /// <summary>
    /// Server-sent events: the status object (as `status --json`, on one line) whenever it changed, about once a second
    /// at most, then <c>event: end</c> after the terminal one. A comment keeps a quiet stream open.
    /// </summary>
    private static async Task EventsAsync(HttpContext context, ISearchGrain search)
    {
        var response = context.Response;
        var aborted = context.RequestAborted;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        // nginx (an Ingress) would otherwise buffer the stream.
        response.Headers["X-Accel-Buffering"] = "no";
        await response.WriteAsync("retry: 3000\n\n", aborted);
        await response.Body.FlushAsync(aborted);

        string? last = null;
        var quietSince = DateTime.UtcNow;
        try
        {
            await foreach (var status in search.WatchAsync(aborted).WithCancellation(aborted))
            {
                var json = EvoGrainsJson.SerializeLine(status);
                if (json != last)
                {
                    last = json;
                    await response.WriteAsync($"data: {json}\n\n", aborted);
                }
                else if (DateTime.UtcNow - quietSince >= KeepAlive)
                {
                    await response.WriteAsync(": keep-alive\n\n", aborted);
                }
                else
                {
                    continue;
                }

                quietSince = DateTime.UtcNow;
                await response.Body.FlushAsync(aborted);
            }

            // The browser reconnects to a stream that just closes: this tells the page the search has ended.
            await response.WriteAsync("event: end\ndata: {}\n\n", aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The page went away.
        }
        catch (Exception error) when (error is OrleansException or TimeoutException)
        {
            // The search's silo went away mid-stream (its grain comes back on another): closing without "end" makes the
            // browser reconnect after the retry above.
        }
    }

    /// <summary>
    /// pause/resume/cancel: 403 unless the silo has an access token, 401 unless the request carries it as a bearer
    /// token, then the search's status after the change.
    /// </summary>
    private static async Task ControlAsync(HttpContext context, Func<ISearchGrain, Task> action)
    {
        var settings = Settings(context);
        if (!settings.ControlEnabled)
        {
            await JsonResponses.ErrorAsync(context, StatusCodes.Status403Forbidden,
                "control is off: this silo has no access token (EvoGrains:Web:AccessToken), so the page is read-only");
            return;
        }

        if (!Carries(context.Request, settings.AccessToken!))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"evograins\"";
            await JsonResponses.ErrorAsync(
                context, StatusCodes.Status401Unauthorized,
                "this needs the silo's access token as 'Authorization: Bearer <token>'");
            return;
        }

        await WithSearchAsync(context, async search =>
        {
            await action(search);
            await JsonResponses.WriteAsync(context, await search.GetStatusAsync());
        });
    }

    private static bool Carries(HttpRequest request, string token)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Hashes of equal length, compared in constant time: the answer's timing tells nothing of the token.
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    private sealed record ControlInfo(bool Enabled);
}
