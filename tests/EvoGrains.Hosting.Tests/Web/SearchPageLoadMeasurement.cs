using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using EvoGrains.Core.Search;
using EvoGrains.TestSupport.Browser;
using Xunit.Abstractions;

namespace EvoGrains.Hosting.Tests.Web;

/// <summary>Runs only when EVOGRAINS_WEB_MEASURE names an evaluation count (e.g. 10000): the measurement takes minutes.</summary>
public sealed class MeasurementFactAttribute : FactAttribute
{
    public MeasurementFactAttribute()
    {
        if (SearchPageLoadMeasurement.Evaluations is null)
        {
            Skip = "a measurement: set EVOGRAINS_WEB_MEASURE=<evaluations> (e.g. 10000) to run it";
        }
    }
}

/// <summary>
/// How the search page behaves with a long history: a real synthetic search of EVOGRAINS_WEB_MEASURE evaluations, then
/// the page opened in headless Chromium, cold (a new profile) and warm (a reload), timing until the whole history is
/// drawn and counting the bytes that came over the network. Writes web-page.md to EVOGRAINS_BENCH_RESULTS (point it at
/// bench-results/ to update the committed file) or a temp folder.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SearchPageLoadMeasurement(ITestOutputHelper output)
{
    public static int? Evaluations =>
        int.TryParse(Environment.GetEnvironmentVariable("EVOGRAINS_WEB_MEASURE"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    [MeasurementFact]
    public async Task The_search_page_with_a_long_history()
    {
        var evaluations = Evaluations!.Value;
        await using var silo = await WebSilo.StartAsync();
        var spec = SyntheticSpecs.Of(evaluations, delayMs: 1, name: "measure") with
        {
            Islands = new IslandSpec { Count = 4, Methods = ["regularized-evolution", "random", "regularized-evolution", "glo"], PopulationSize = 32, SeedEvaluations = 32, InFlight = 8 },
            Trainers = new TrainerSpec { Count = 4, LeaseSeconds = 10 },
        };
        var clock = Stopwatch.StartNew();
        var search = await silo.StartSearchAsync("measure", spec);
        var end = await WebSilo.EndAsync(search, TimeSpan.FromMinutes(30));
        var searchMinutes = clock.Elapsed.TotalMinutes;
        Assert.Equal(SearchState.Completed, end.State);
        Assert.Equal(evaluations, end.EvaluationsDone);

        // The history through the API alone, as the page asks for it (pages of 5,000), compressed and not.
        using var raw = silo.Http(decompress: false);
        // Untimed first: activates the history pages' grains and JIT-compiles the path.
        await HistoryAsync(raw, null);
        var (brotliBytes, brotliMs) = await HistoryAsync(raw, "br");
        var (gzipBytes, gzipMs) = await HistoryAsync(raw, "gzip");
        var (plainBytes, plainMs) = await HistoryAsync(raw, null);
        var load = LoadAverage();

        var page = new Uri(silo.Address, "/searches/measure");
        await using var browser = await HeadlessChromium.StartAsync();
        var cold = await LoadAsync(browser, page, evaluations);
        var warm = await LoadAsync(browser, page, evaluations);
        var list = await LoadListAsync(browser, silo.Address);
        var screenshot = Path.Combine(SearchPageBrowserTests.ScreenshotFolder, $"search-{evaluations}.png");
        await browser.NavigateAsync(page);
        await browser.WaitUntilAsync("document.body.dataset.loadedMs !== undefined", TimeSpan.FromSeconds(60), "the page loaded");
        await browser.ScreenshotAsync(screenshot, maxHeight: 1600);
        Assert.True(browser.Problems.Count == 0, string.Join("\n", browser.Problems));

        var report = new StringBuilder();
        report.AppendLine("# Web page: load time and bytes with a long history");
        report.AppendLine();
        report.AppendLine(Invariant($"Written by `tests/EvoGrains.Hosting.Tests/Web/SearchPageLoadMeasurement.cs` (`EVOGRAINS_WEB_MEASURE={evaluations} EVOGRAINS_BENCH_RESULTS=$PWD/bench-results dotnet test tests/EvoGrains.Hosting.Tests -c Release --filter SearchPageLoadMeasurement`) on {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, 1-minute load average {load} when the browser started (the search had just ended)."));
        report.AppendLine();
        report.AppendLine(Invariant($"A completed synthetic search of {evaluations:N0} evaluations (4 islands, {end.Trainers} trainers; it ran {searchMinutes:F1} min) on a silo on this machine; the browser is Debian's headless Chromium on the same machine (loopback: the times are the page's own work, the server's and the browser's, without network latency). \"Drawn\" is the time from the start of navigation until the page has fetched and plotted the whole history and fetched the hall of fame (`document.body.dataset.loadedMs`); the bytes are every response's size on the wire (headers and compressed bodies) counted by the DevTools protocol until the hall of fame's formulas and plots were drawn too."));
        report.AppendLine();
        report.AppendLine("| load | drawn after | bytes received | of which the page's files | of which the API | requests |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, result) in new[] { ("search page, cold (new profile)", cold), ("search page, warm (reload: the files revalidated, 304)", warm), ("list page, warm", list) })
        {
            report.AppendLine(Invariant($"| {name} | {result.Ms:N0} ms | {result.Bytes:N0} | {result.FileBytes:N0} | {result.ApiBytes:N0} | {result.Requests} |"));
        }

        report.AppendLine();
        report.AppendLine(Invariant($"Chromium asked for and got `{string.Join(", ", cold.HistoryEncodings)}` for the history (127.0.0.1 is a secure context to it); the page's files come Brotli- or gzip-compressed from forms made once when the silo starts. The history alone through the API (`/history?after=N&limit=5000`, {Math.Ceiling(evaluations / 5000.0):N0} requests, {plainBytes / (double)evaluations:N0} bytes per entry as JSON): {brotliBytes:N0} bytes Brotli-compressed in {brotliMs:N0} ms, {gzipBytes:N0} gzip-compressed in {gzipMs:N0} ms, {plainBytes:N0} uncompressed in {plainMs:N0} ms."));
        report.AppendLine();
        report.AppendLine("![the search page with the whole history drawn](web-page-search.png)");
        var folder = Environment.GetEnvironmentVariable("EVOGRAINS_BENCH_RESULTS") is { Length: > 0 } results ? results : Path.Combine(Path.GetTempPath(), "evograins-bench-results");
        Directory.CreateDirectory(folder);
        File.Copy(screenshot, Path.Combine(folder, "web-page-search.png"), overwrite: true);
        var file = Path.Combine(folder, "web-page.md");
        await File.WriteAllTextAsync(file, report.ToString());
        output.WriteLine(report.ToString());
        output.WriteLine($"written to {file}; screenshot: {screenshot}");
    }

    private async Task<(long Bytes, double Ms)> HistoryAsync(HttpClient http, string? encoding)
    {
        long bytes = 0;
        var clock = Stopwatch.StartNew();
        for (long after = 0, total = 1; after < total;)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/searches/measure/history?after={after}&limit=5000");
            if (encoding is not null)
            {
                request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            }

            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            bytes += body.Length;
            using var stream = encoding switch
            {
                null => (Stream)new MemoryStream(body),
                "br" => new System.IO.Compression.BrotliStream(new MemoryStream(body), System.IO.Compression.CompressionMode.Decompress),
                _ => new System.IO.Compression.GZipStream(new MemoryStream(body), System.IO.Compression.CompressionMode.Decompress),
            };
            using var page = await JsonDocument.ParseAsync(stream);
            total = page.RootElement.GetProperty("total").GetInt64();
            after += page.RootElement.GetProperty("entries").GetArrayLength();
        }

        return (bytes, clock.Elapsed.TotalMilliseconds);
    }

    private static async Task<PageLoad> LoadAsync(HeadlessChromium browser, Uri page, int evaluations)
    {
        await browser.NavigateAsync(page, TimeSpan.FromSeconds(60));
        await browser.WaitUntilAsync("document.body.dataset.loadedMs !== undefined", TimeSpan.FromSeconds(120), "the page drew its history");
        Assert.Equal(evaluations, (await browser.EvaluateAsync("Number(document.getElementById('fitness-chart').dataset.points)")).GetInt32());
        await browser.WaitUntilAsync("document.querySelectorAll('#hall-of-fame .halves-plot canvas').length >= 5", TimeSpan.FromSeconds(60), "the hall of fame's plots");
        await Task.Delay(1000);
        var ms = (await browser.EvaluateAsync("Number(document.body.dataset.loadedMs)")).GetDouble();
        return PageLoad.Of(ms, browser);
    }

    private static async Task<PageLoad> LoadListAsync(HeadlessChromium browser, Uri address)
    {
        await browser.NavigateAsync(address);
        await browser.WaitUntilAsync("document.body.dataset.loadedMs !== undefined", TimeSpan.FromSeconds(60), "the list loaded");
        await Task.Delay(500);
        var ms = (await browser.EvaluateAsync("Number(document.body.dataset.loadedMs)")).GetDouble();
        return PageLoad.Of(ms, browser);
    }

    private sealed record PageLoad(double Ms, long Bytes, long FileBytes, long ApiBytes, int Requests, IReadOnlyList<string> HistoryEncodings)
    {
        public static PageLoad Of(double ms, HeadlessChromium browser)
        {
            var responses = browser.Responses;
            var api = responses.Where(r => new Uri(r.Url).AbsolutePath.StartsWith("/api/", StringComparison.Ordinal)).ToList();
            // The last history request, past the end, is too small to compress.
            var encodings = api.Where(r => r.Url.Contains("/history", StringComparison.Ordinal) && r.Bytes > 4096).Select(r => r.Encoding ?? "identity").Distinct().ToList();
            return new(ms, browser.BytesReceived, responses.Sum(r => r.Bytes) - api.Sum(r => r.Bytes), api.Sum(r => r.Bytes), responses.Count, encodings);
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
