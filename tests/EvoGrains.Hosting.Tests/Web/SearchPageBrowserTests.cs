using EvoGrains.TestSupport.Browser;
using Xunit.Abstractions;

namespace EvoGrains.Hosting.Tests.Web;

/// <summary>
/// The pages in a real browser (Debian's headless Chromium over its DevTools protocol) against a real silo whose
/// synthetic-evaluator search runs meanwhile: the list, a search page whose chart gains points live, and the pages of
/// searches whose ids carry markup. No page may log a console error, throw, or open a dialog.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SearchPageBrowserTests(ITestOutputHelper output)
{
    private const string MarkupId = "<img src=x onerror=alert(1)>";
    private const string ExpressionId = "max(p,y)<svg onload=alert(2)>";

    // Anything a string that escaped the page's escaping would have made: an image, an element with an event handler.
    private const string InjectedElements = "document.querySelectorAll('img, svg[onload], [onerror], [onload], [onmouseover]').length";

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task The_list_and_a_search_page_follow_a_running_search()
    {
        await using var silo = await WebSilo.StartAsync(WebSilo.Token);
        var running = "browser-" + Guid.NewGuid().ToString("N")[..8];
        await silo.StartSearchAsync(running, SyntheticSpecs.Of(1_000_000, delayMs: 100, name: "browser"));
        var withTransfer = SyntheticSpecs.Of(20);
        await silo.StartSearchAsync(MarkupId, withTransfer with { FinalStage = withTransfer.FinalStage with { Transfer = [new Core.Search.TransferSpec { Name = "more steps", Steps = 20 }] } });
        await silo.StartSearchAsync(ExpressionId, SyntheticSpecs.Of(20));
        await using var browser = await HeadlessChromium.StartAsync();

        await browser.NavigateAsync(silo.Address);
        await browser.WaitUntilAsync("document.querySelectorAll('#searches tbody tr').length === 3", TimeSpan.FromSeconds(30), "the list shows the three searches");
        var shownIds = (await browser.EvaluateAsync("[...document.querySelectorAll('#searches tbody .small')].map(e => e.textContent)")).EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(MarkupId, shownIds);
        Assert.Contains(ExpressionId, shownIds);
        Assert.Contains(running, shownIds);
        Assert.Equal(0, (await browser.EvaluateAsync(InjectedElements)).GetInt32());
        await browser.WaitUntilAsync($"document.querySelector('#searches tr[data-search-id=\"{running}\"] progress') !== null", TimeSpan.FromSeconds(15), "the running search's progress bar");
        await ShootAsync(browser, "list.png");

        await browser.NavigateAsync(new Uri(silo.Address, "/searches/" + running));
        await browser.WaitUntilAsync("Number(document.getElementById('fitness-chart').dataset.points) > 0", TimeSpan.FromSeconds(30), "the chart shows the history");
        var first = (await browser.EvaluateAsync("Number(document.getElementById('fitness-chart').dataset.points)")).GetInt32();
        await browser.WaitUntilAsync($"Number(document.getElementById('fitness-chart').dataset.points) > {first}", TimeSpan.FromSeconds(60), "the chart gains new points while the search runs");
        Assert.Equal(1, (await browser.EvaluateAsync("document.querySelectorAll('#fitness-chart canvas').length")).GetInt32());
        await browser.WaitUntilAsync("document.querySelectorAll('#islands tbody tr').length === 2", TimeSpan.FromSeconds(15), "the island table");
        await browser.WaitUntilAsync("document.querySelectorAll('#hall-of-fame .katex').length > 0", TimeSpan.FromSeconds(30), "the hall of fame's formulas");
        await browser.WaitUntilAsync("document.querySelectorAll('#hall-of-fame .halves-plot canvas').length > 0", TimeSpan.FromSeconds(30), "the one-hot halves plots");
        Assert.False((await browser.EvaluateAsync("document.getElementById('control').hidden")).GetBoolean());
        Assert.Equal("running", (await browser.EvaluateAsync("document.getElementById('state').textContent")).GetString());
        await ShootAsync(browser, "search.png");

        foreach (var id in new[] { MarkupId, ExpressionId })
        {
            await browser.NavigateAsync(new Uri(silo.Address, "/searches/" + Uri.EscapeDataString(id)));
            await browser.WaitUntilAsync($"document.getElementById('search-id').textContent === {System.Text.Json.JsonSerializer.Serialize(id)}", TimeSpan.FromSeconds(30), "the id shown as text");
            await browser.WaitUntilAsync("document.body.dataset.loadedMs !== undefined", TimeSpan.FromSeconds(30), "the page loaded");
            Assert.Equal(0, (await browser.EvaluateAsync(InjectedElements)).GetInt32());
        }

        // The finished search with a transfer setting shows its table under the final table.
        await browser.NavigateAsync(new Uri(silo.Address, "/searches/" + Uri.EscapeDataString(MarkupId)));
        await browser.WaitUntilAsync("document.querySelectorAll('.transfer-table tbody tr').length === document.querySelectorAll('#final-table tbody tr').length && document.querySelectorAll('#final-table tbody tr').length > 0", TimeSpan.FromSeconds(60), "the transfer table with every arm of the final table");
        Assert.Equal("Transfer: more steps", (await browser.EvaluateAsync("document.querySelector('#transfer-tables h3').textContent")).GetString());
        await ShootAsync(browser, "markup-search.png");
        Assert.True(browser.Problems.Count == 0, string.Join("\n", browser.Problems));
    }

    private async Task ShootAsync(HeadlessChromium browser, string name)
    {
        var path = Path.Combine(ScreenshotFolder, name);
        await browser.ScreenshotAsync(path);
        output.WriteLine($"screenshot: {path}");
    }
}
