using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EvoGrains.Abstractions;
using EvoGrains.Core.Json;
using EvoGrains.Hosting.Web;

namespace EvoGrains.Hosting.Tests.Web;

/// <summary>
/// Every endpoint of the web API, and its bad inputs, against a real silo running real synthetic-evaluator searches:
/// one that has ended (its final table included) and one that runs for the whole class.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SearchWebApiTests(SearchWebApiTests.Cluster cluster) : IClassFixture<SearchWebApiTests.Cluster>
{
    private static readonly string[] StatusFields =
    [
        "searchId", "name", "state", "evaluationsDone", "maxEvaluations", "inFlight", "rejectedByScreening", "deduplicated",
        "lateResults", "evaluationsPerMinute", "bestFitness", "bestExpression", "islands", "trainers", "trainerUtilisation",
        "finalJobsDone", "finalJobsTotal", "startedAt", "endedAt", "failure", "trainingSteps", "maxTrainingSteps", "maxMinutes", "finalStageStartedAt",
        "cancelledTrainings", "isTerminal",
    ];

    private static readonly string[] HistoryEntryFields =
    [
        "index", "island", "hash", "expression", "loss", "genome", "fitness", "status", "seconds", "operator", "parents", "failure",
        "shared", "completedAt", "permanent", "rung", "steps", "seeds", "spread", "sequence",
    ];

    [Fact]
    public async Task The_list_is_list_json_oldest_first()
    {
        var (code, json) = await GetAsync("/api/searches");

        Assert.Equal(HttpStatusCode.OK, code);
        var searches = json.EnumerateArray().ToList();
        Assert.Equal([Cluster.Ended, Cluster.Running], searches.Select(s => s.GetProperty("searchId").GetString()).Where(id => id is Cluster.Ended or Cluster.Running));
        Assert.All(searches, s => Assert.Equal(["searchId", "name", "state", "createdAt", "updatedAt"], s.EnumerateObject().Select(p => p.Name)));
        Assert.Equal("completed", searches.Single(s => s.GetProperty("searchId").GetString() == Cluster.Ended).GetProperty("state").GetString());
        var created = searches.Select(s => s.GetProperty("createdAt").GetDateTimeOffset()).ToList();
        Assert.Equal(created.Order(), created);
    }

    [Fact]
    public async Task A_search_is_its_status_json_object()
    {
        var (code, json) = await GetAsync($"/api/searches/{Cluster.Ended}");

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal(StatusFields.Order(StringComparer.Ordinal), json.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        // The same serializer as `status --json`: for an ended search the very same text (on one line).
        var expected = EvoGrainsJson.SerializeLine(await cluster.Silo.Grains.GetGrain<ISearchGrain>(Cluster.Ended).GetStatusAsync());
        Assert.Equal(expected, await cluster.Http.GetStringAsync($"/api/searches/{Cluster.Ended}"));
        Assert.Equal("completed", json.GetProperty("state").GetString());
        Assert.True(json.GetProperty("isTerminal").GetBoolean());
    }

    [Fact]
    public async Task History_pages_cover_every_entry_once_in_order()
    {
        var (_, first) = await GetAsync($"/api/searches/{Cluster.Ended}/history?after=0&limit=7");
        var total = first.GetProperty("total").GetInt64();
        Assert.Equal(["offset", "total", "entries"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, first.GetProperty("offset").GetInt64());
        Assert.Equal(7, first.GetProperty("entries").GetArrayLength());
        Assert.Equal(HistoryEntryFields, first.GetProperty("entries")[0].EnumerateObject().Select(p => p.Name));
        Assert.True(total >= Cluster.EndedEvaluations, $"total {total}");

        var indexes = new List<long>();
        for (long after = 0; after < total;)
        {
            var (code, page) = await GetAsync($"/api/searches/{Cluster.Ended}/history?after={after}&limit=7");
            Assert.Equal(HttpStatusCode.OK, code);
            Assert.Equal(after, page.GetProperty("offset").GetInt64());
            var entries = page.GetProperty("entries").EnumerateArray().ToList();
            Assert.InRange(entries.Count, 1, 7);
            indexes.AddRange(entries.Select(e => e.GetProperty("index").GetInt64()));
            after += entries.Count;
        }

        Assert.Equal(Enumerable.Range(0, (int)total).Select(i => (long)i), indexes);

        // Without paging: from the start, at most the default page; past the end: no entries.
        var (_, whole) = await GetAsync($"/api/searches/{Cluster.Ended}/history");
        Assert.Equal(Math.Min(total, SearchWebApi.DefaultHistoryLimit), whole.GetProperty("entries").GetArrayLength());
        var (_, past) = await GetAsync($"/api/searches/{Cluster.Ended}/history?after={total + 10}");
        Assert.Equal(0, past.GetProperty("entries").GetArrayLength());
        Assert.Equal(total, past.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("after=-1", "after must be a whole number >= 0, got '-1'")]
    [InlineData("after=abc", "after must be a whole number >= 0, got 'abc'")]
    [InlineData("after=1.5", "after must be a whole number >= 0, got '1.5'")]
    [InlineData("after=1&after=2", "after must be a whole number >= 0, got '1,2'")]
    [InlineData("after=99999999999999999999", "after must be a whole number >= 0, got '99999999999999999999'")]
    [InlineData("limit=0", "limit must be a whole number from 1 to 5000, got '0'")]
    [InlineData("limit=5001", "limit must be a whole number from 1 to 5000, got '5001'")]
    [InlineData("limit=", "limit must be a whole number from 1 to 5000, got ''")]
    public async Task Bad_paging_is_400_with_one_line_naming_the_parameter(string query, string error)
    {
        var response = await cluster.Http.GetAsync($"/api/searches/{Cluster.Ended}/history?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertErrorAsync(response, error);
    }

    [Fact]
    public async Task The_hall_of_fame_is_hall_of_fame_json_and_each_loss_has_its_formula_halves_and_code()
    {
        var grain = cluster.Silo.Grains.GetGrain<ISearchGrain>(Cluster.Ended);
        var (code, json) = await GetAsync($"/api/searches/{Cluster.Ended}/hall-of-fame");

        Assert.Equal(HttpStatusCode.OK, code);
        var expected = JsonDocument.Parse(HallOfFameJson.Serialize(await grain.GetHallOfFameAsync(), await grain.GetFinalComparisonAsync())).RootElement;
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(json));
        var best = json[0];
        Assert.Equal(JsonValueKind.Object, best.GetProperty("final").ValueKind);
        Assert.Equal("test", best.GetProperty("final").GetProperty("split").GetString());

        var hash = best.GetProperty("hash").GetString()!;
        var (detailCode, details) = await GetAsync($"/api/searches/{Cluster.Ended}/hall-of-fame/{hash}");
        Assert.Equal(HttpStatusCode.OK, detailCode);
        Assert.Equal(["hash", "expression", "latex", "halves", "nearestKnownLoss", "curves", "pyTorch", "torchSharp"], details.EnumerateObject().Select(p => p.Name));
        Assert.Equal(hash, details.GetProperty("hash").GetString());
        Assert.StartsWith(@"L = \frac{1}{n}", details.GetProperty("latex").GetString(), StringComparison.Ordinal);
        Assert.Equal(["trueLabel", "otherLabel", "trueClass", "otherClass"], details.GetProperty("halves").EnumerateObject().Select(p => p.Name));
        Assert.Contains("def ", details.GetProperty("pyTorch").GetString(), StringComparison.Ordinal);
        Assert.Contains("torch", details.GetProperty("torchSharp").GetString(), StringComparison.Ordinal);
        var curves = details.GetProperty("curves");
        Assert.Equal(99, curves.GetProperty("p").GetArrayLength());
        Assert.Equal("this loss", curves.GetProperty("series")[0].GetProperty("name").GetString());
        Assert.Equal("ce", curves.GetProperty("series")[1].GetProperty("name").GetString());
        Assert.All(curves.GetProperty("series").EnumerateArray(), s =>
        {
            Assert.Equal(99, s.GetProperty("trueClass").GetArrayLength());
            Assert.Equal(99, s.GetProperty("otherClass").GetArrayLength());
        });

        var missing = await cluster.Http.GetAsync($"/api/searches/{Cluster.Ended}/hall-of-fame/0123456789abcdef");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        await AssertErrorAsync(missing, $"no loss '0123456789abcdef' in the hall of fame of '{Cluster.Ended}'");
    }

    [Fact]
    public async Task Final_is_null_until_the_final_stage_has_finished_then_final_json()
    {
        var (runningCode, running) = await GetAsync($"/api/searches/{Cluster.Running}/final");
        Assert.Equal(HttpStatusCode.OK, runningCode);
        Assert.Equal(JsonValueKind.Null, running.ValueKind);

        var (code, final) = await GetAsync($"/api/searches/{Cluster.Ended}/final");
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal(["steps", "seeds", "rows", "completedAt", "split", "rounds", "trainings", "transfer"], final.EnumerateObject().Select(p => p.Name));
        Assert.Equal("test", final.GetProperty("split").GetString());
        var expected = await cluster.Silo.Grains.GetGrain<ISearchGrain>(Cluster.Ended).GetFinalComparisonAsync();
        Assert.Equal(EvoGrainsJson.SerializeLine(expected), await cluster.Http.GetStringAsync($"/api/searches/{Cluster.Ended}/final"));
        Assert.Contains(final.GetProperty("rows").EnumerateArray(), r => r.GetProperty("name").GetString() == "ce" && r.GetProperty("isBaseline").GetBoolean());
    }

    [Fact]
    public async Task Events_stream_the_status_while_it_changes()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/searches/{Cluster.Running}/events");
        using var response = await cluster.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl!.ToString());

        var events = await ReadEventsAsync(response, count: 3, limit.Token);
        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Equal("message", e.Event));
        var statuses = events.Select(e => JsonDocument.Parse(e.Data).RootElement).ToList();
        Assert.All(statuses, s => Assert.Equal(StatusFields.Order(StringComparer.Ordinal), s.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)));
        Assert.All(statuses, s => Assert.Equal(Cluster.Running, s.GetProperty("searchId").GetString()));
        // One object per change: no two alike in a row.
        Assert.Equal(events.Count, events.Select(e => e.Data).Distinct().Count());
        var done = statuses.Select(s => s.GetProperty("evaluationsDone").GetInt64()).ToList();
        Assert.Equal(done.Order(), done);
    }

    [Fact]
    public async Task Events_of_an_ended_search_are_its_last_status_then_end()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await cluster.Http.GetAsync($"/api/searches/{Cluster.Ended}/events", HttpCompletionOption.ResponseHeadersRead, limit.Token);

        var events = await ReadEventsAsync(response, count: 10, limit.Token);

        Assert.Equal(["message", "end"], events.Select(e => e.Event));
        Assert.True(JsonDocument.Parse(events[0].Data).RootElement.GetProperty("isTerminal").GetBoolean());
    }

    [Theory]
    [InlineData("")]
    [InlineData("/history")]
    [InlineData("/history?after=-1")]
    [InlineData("/hall-of-fame")]
    [InlineData("/hall-of-fame/0123456789abcdef")]
    [InlineData("/final")]
    [InlineData("/events")]
    public async Task An_unknown_search_is_404_with_one_json_line(string rest)
    {
        var response = await cluster.Http.GetAsync($"/api/searches/no-such-search{rest}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await AssertErrorAsync(response, "no search 'no-such-search' on this cluster");
    }

    [Fact]
    public async Task Markup_in_an_id_comes_back_as_json_text_and_an_overlong_id_is_not_looked_up()
    {
        var response = await cluster.Http.GetAsync("/api/searches/" + Uri.EscapeDataString("<img src=x onerror=alert(1)>"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<", body, StringComparison.Ordinal);
        Assert.Equal("no search '<img src=x onerror=alert(1)>' on this cluster", JsonDocument.Parse(body).RootElement.GetProperty("error").GetString());

        var overlong = await cluster.Http.GetAsync("/api/searches/" + new string('a', SearchWebApi.MaxSearchIdLength + 1));
        Assert.Equal(HttpStatusCode.NotFound, overlong.StatusCode);
        await AssertErrorAsync(overlong, $"no search '{new string('a', 77)}...' on this cluster");
    }

    [Fact]
    public async Task An_unknown_endpoint_or_method_is_404_with_one_json_line()
    {
        var response = await cluster.Http.GetAsync("/api/nothing/here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await AssertErrorAsync(response, "no such API endpoint: GET /api/nothing/here");

        await AssertErrorAsync(await cluster.Http.GetAsync($"/api/searches/{Cluster.Running}/pause"), $"no such API endpoint: GET /api/searches/{Cluster.Running}/pause");
        await AssertErrorAsync(await cluster.Http.DeleteAsync($"/api/searches/{Cluster.Running}"), $"no such API endpoint: DELETE /api/searches/{Cluster.Running}");
    }

    [Fact]
    public async Task Control_needs_the_token_then_pauses_resumes_and_cancels()
    {
        var (_, control) = await GetAsync("/api/control");
        Assert.True(control.GetProperty("enabled").GetBoolean());
        var id = "steered-" + Guid.NewGuid().ToString("N")[..8];
        await cluster.Silo.StartSearchAsync(id, SyntheticSpecs.Of(1_000_000, delayMs: 50));

        var bare = await cluster.Http.PostAsync($"/api/searches/{id}/pause", null);
        Assert.Equal(HttpStatusCode.Unauthorized, bare.StatusCode);
        Assert.Equal("Bearer", bare.Headers.WwwAuthenticate.Single().Scheme);
        await AssertErrorAsync(bare, "this needs the silo's access token as 'Authorization: Bearer <token>'");
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync($"/api/searches/{id}/pause", "Bearer wrong-token-0123456789")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync($"/api/searches/{id}/pause", "Basic " + WebSilo.Token)).StatusCode);
        Assert.Equal("running", (await GetAsync($"/api/searches/{id}")).Json.GetProperty("state").GetString());

        foreach (var (action, state) in new[] { ("pause", "paused"), ("resume", "running"), ("cancel", "cancelled") })
        {
            var response = await PostAsync($"/api/searches/{id}/{action}", "Bearer " + WebSilo.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(state, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("state").GetString());
        }

        var unknown = await PostAsync("/api/searches/no-such-search/pause", "Bearer " + WebSilo.Token);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Large_bodies_are_compressed_for_clients_that_accept_it()
    {
        using var raw = cluster.Silo.Http(decompress: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/searches/{Cluster.Ended}/history");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var gzip = await raw.SendAsync(request);
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        var compressed = (await gzip.Content.ReadAsByteArrayAsync()).Length;

        using var plain = await raw.GetAsync($"/api/searches/{Cluster.Ended}/history");
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        var uncompressed = (await plain.Content.ReadAsByteArrayAsync()).Length;
        Assert.True(compressed * 3 < uncompressed, $"gzip {compressed} bytes, plain {uncompressed}");
    }

    [Theory]
    [InlineData("/", "text/html", "<title>EvoGrains searches</title>")]
    [InlineData("/searches/anything", "text/html", "<div id=\"fitness-chart\"")]
    [InlineData("/static/search.js", "text/javascript", "EventSource")]
    [InlineData("/static/vendor/uplot/uPlot.iife.min.js", "text/javascript", "uPlot")]
    [InlineData("/static/vendor/katex/katex.min.js", "text/javascript", "katex")]
    [InlineData("/static/vendor/katex/katex.min.css", "text/css", "KaTeX_Main")]
    public async Task Pages_and_their_files_come_from_the_silo(string path, string type, string content)
    {
        var response = await cluster.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(content, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        if (type == "text/html")
        {
            Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }

        // Revalidation: the same ETag is 304 without a body.
        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        var notModified = await cluster.Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task Every_font_the_katex_stylesheet_prefers_is_served_and_no_file_is_missing()
    {
        var css = await cluster.Http.GetStringAsync("/static/vendor/katex/katex.min.css");
        var fonts = System.Text.RegularExpressions.Regex.Matches(css, @"url\((fonts/[^)]+\.woff2)\)").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(fonts);
        foreach (var font in fonts)
        {
            var response = await cluster.Http.GetAsync("/static/vendor/katex/" + font);
            Assert.True(response.StatusCode == HttpStatusCode.OK, font);
            Assert.Equal("font/woff2", response.Content.Headers.ContentType!.MediaType);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await cluster.Http.GetAsync("/static/no-such-file.js")).StatusCode);
    }

    private async Task<(HttpStatusCode Code, JsonElement Json)> GetAsync(string path)
    {
        var response = await cluster.Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }

    private Task<HttpResponseMessage> PostAsync(string path, string authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return cluster.Http.SendAsync(request);
    }

    internal static async Task AssertErrorAsync(HttpResponseMessage response, string error)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain('\n', body);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(["error"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(error, json.GetProperty("error").GetString());
    }

    private static async Task<List<(string Event, string Data)>> ReadEventsAsync(HttpResponseMessage response, int count, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var events = new List<(string, string)>();
        string? name = null;
        string? data = null;
        while (events.Count < count && await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data is not null)
                {
                    events.Add((name ?? "message", data));
                }

                (name, data) = (null, null);
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
        }

        return events;
    }

    /// <summary>A silo with an access token, an ended search (final table included) and one that runs throughout.</summary>
    public sealed class Cluster : IAsyncLifetime
    {
        public const string Ended = "web-ended";
        public const string Running = "web-running";
        public const int EndedEvaluations = 30;

        private WebSilo? silo;

        internal WebSilo Silo => silo!;

        public HttpClient Http { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            silo = await WebSilo.StartAsync(WebSilo.Token);
            Http = silo.Http();
            var ended = await silo.StartSearchAsync(Ended, SyntheticSpecs.Of(EndedEvaluations));
            Assert.Equal("Completed", (await WebSilo.EndAsync(ended, TimeSpan.FromMinutes(2))).State.ToString());
            await silo.StartSearchAsync(Running, SyntheticSpecs.Of(1_000_000, delayMs: 30));
        }

        public async Task DisposeAsync()
        {
            Http.Dispose();
            await silo!.DisposeAsync();
        }
    }
}

/// <summary>A silo without an access token: the page is read-only and control is refused outright.</summary>
[Trait("Category", "Integration")]
public sealed class ReadOnlyWebApiTests
{
    [Fact]
    public async Task Without_a_token_control_is_403_whatever_the_request_carries()
    {
        await using var silo = await WebSilo.StartAsync(accessToken: null);
        using var http = silo.Http();
        await silo.StartSearchAsync("read-only", SyntheticSpecs.Of(1_000_000, delayMs: 50));

        Assert.False(JsonDocument.Parse(await http.GetStringAsync("/api/control")).RootElement.GetProperty("enabled").GetBoolean());
        foreach (var action in new[] { "pause", "resume", "cancel" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/searches/read-only/{action}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", WebSilo.Token);
            var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            await SearchWebApiTests.AssertErrorAsync(response, "control is off: this silo has no access token (EvoGrains:Web:AccessToken), so the page is read-only");
        }

        Assert.Equal("running", JsonDocument.Parse(await http.GetStringAsync("/api/searches/read-only")).RootElement.GetProperty("state").GetString());
    }
}
