using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using EvoGrains.Cli.Cluster;

namespace EvoGrains.Cli.Tests.Cluster;

/// <summary>`evograins local` serves the search's web page on loopback and prints its address; --web-port, --no-web.</summary>
[Trait("Category", "Integration")]
public sealed class LocalWebPageTests
{
    [Fact]
    public async Task A_local_run_prints_its_page_which_serves_the_search_while_it_runs()
    {
        var folder = TinySpecs.TempFolder();
        var errors = new LineWriter();
        try
        {
            var run = Task.Run(() => LocalSearch.RunAsync(folder, TinySpecs.Synthetic(150, delayMs: 40), new CliConsole(TextWriter.Null, errors), new ProgressOutput(false, ProgressOutput.DefaultInterval), CancellationToken.None, webPort: 0));

            var line = await errors.WaitForAsync("web page: ", TimeSpan.FromSeconds(60));
            var page = new Uri(line["web page: ".Length..]);
            Assert.Equal("127.0.0.1", page.Host);
            Assert.StartsWith("/searches/tiny-", page.AbsolutePath, StringComparison.Ordinal);
            var id = Uri.UnescapeDataString(page.AbsolutePath["/searches/".Length..]);
            using var http = new HttpClient { BaseAddress = new Uri(page.GetLeftPart(UriPartial.Authority)) };
            var html = await http.GetStringAsync(page);
            Assert.Contains("id=\"fitness-chart\"", html, StringComparison.Ordinal);
            var status = JsonDocument.Parse(await http.GetStringAsync($"/api/searches/{id}")).RootElement;
            Assert.Equal(id, status.GetProperty("searchId").GetString());
            StatusJson.AssertShape(status);
            // Read-only unless EvoGrains__Web__AccessToken is set.
            Assert.False(JsonDocument.Parse(await http.GetStringAsync("/api/control")).RootElement.GetProperty("enabled").GetBoolean());
            Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsync($"/api/searches/{id}/pause", null)).StatusCode);

            var record = await run;
            Assert.NotNull(record);
            Assert.Equal("Completed", record.Status);
            // The page ends with the run.
            await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/api/searches"));
        }
        finally
        {
            Delete(folder);
        }
    }

    [Fact]
    public async Task No_web_serves_nothing_and_prints_no_address()
    {
        var folder = TinySpecs.TempFolder();
        var spec = TinySpecs.WriteTo(folder + "-in", TinySpecs.Synthetic(12));
        try
        {
            var run = await CliRun.Of("local", "--spec", spec, "--out", folder, "--no-web");

            Assert.True(run.ExitCode == 0, run.Error);
            Assert.DoesNotContain("web page:", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            Delete(folder);
            Delete(folder + "-in");
        }
    }

    [Fact]
    public async Task A_web_port_in_use_is_an_input_error_naming_it()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var folder = TinySpecs.TempFolder();
        var spec = TinySpecs.WriteTo(folder + "-in", TinySpecs.Synthetic(12));
        try
        {
            var run = await CliRun.Of("local", "--spec", spec, "--out", folder, "--web-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

            Assert.Equal(2, run.ExitCode);
            Assert.Equal($"evograins: --web-port {port}: 127.0.0.1:{port} is already in use (give another port, 0 for a free one, or --no-web)", Assert.Single(run.ErrorLines));
        }
        finally
        {
            Delete(folder);
            Delete(folder + "-in");
        }
    }

    [Theory]
    [InlineData("--web-port", "70000")]
    [InlineData("--web-port", "-1")]
    [InlineData("--web-port", "8080", "--no-web")]
    public async Task Web_options_that_make_no_sense_are_input_errors(params string[] options)
    {
        var run = await CliRun.Of(["local", "--spec", "spec.json", .. options]);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Contains(options.Length == 3 ? "give either --web-port or --no-web" : "--web-port", run.Error, StringComparison.Ordinal);
    }

    private static void Delete(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A writer whose lines can be awaited while the run goes on.</summary>
    private sealed class LineWriter : StringWriter
    {
        private readonly List<string> lines = [];

        public override void WriteLine(string? value)
        {
            lock (lines)
            {
                lines.Add(value ?? "");
            }
        }

        public override Task WriteLineAsync(string? value)
        {
            WriteLine(value);
            return Task.CompletedTask;
        }

        public async Task<string> WaitForAsync(string prefix, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline)
            {
                lock (lines)
                {
                    if (lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) is { } line)
                    {
                        return line;
                    }
                }

                await Task.Delay(50);
            }

            throw new TimeoutException($"no line starting '{prefix}' within {timeout}");
        }
    }
}
