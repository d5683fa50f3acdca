using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EvoGrains.TestSupport.Browser;

/// <summary>
/// Debian's headless Chromium driven over its DevTools protocol (a websocket, System.Net.WebSockets): one page (tab),
/// whose console errors, uncaught exceptions, failed loads and JavaScript dialogs are recorded, and which can navigate,
/// evaluate script, count the bytes it received and take screenshots. deploy/bootstrap.sh installs the browser.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string DefaultBinary = "/usr/bin/chromium";

    private readonly ChildProcess process;
    private readonly string profile;
    private readonly ClientWebSocket socket;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> pending = new();
    private readonly ConcurrentQueue<string> problems = new();
    private readonly ConcurrentDictionary<string, long> received = new();
    private readonly ConcurrentDictionary<string, (string Url, string? Encoding)> responses = new();
    private readonly CancellationTokenSource stop = new();
    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly Task reader;
    private TaskCompletionSource loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? session;
    private int nextId;

    private HeadlessChromium(ChildProcess process, string profile, ClientWebSocket socket)
    {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
        reader = Task.Run(ReadAsync);
    }

    /// <summary>Console errors, uncaught exceptions, failed loads and dialogs (alert, confirm...) the page has shown so far.</summary>
    public IReadOnlyList<string> Problems => [.. problems];

    /// <summary>Bytes received over the network (compressed bodies and headers) since the last <see cref="NavigateAsync"/>.</summary>
    public long BytesReceived => received.Values.Sum();

    /// <summary>
    /// Every response since the last <see cref="NavigateAsync"/>: its URL, its bytes on the wire (headers and the body as
    /// sent) and its Content-Encoding (null: not compressed).
    /// </summary>
    public IReadOnlyList<(string Url, long Bytes, string? Encoding)> Responses =>
        [.. responses.Select(r => (r.Value.Url, received.GetValueOrDefault(r.Key), r.Value.Encoding))];

    /// <summary>The browser binary: EVOGRAINS_CHROMIUM, else Debian's.</summary>
    public static string Binary => Environment.GetEnvironmentVariable("EVOGRAINS_CHROMIUM") is { Length: > 0 } path ? path : DefaultBinary;

    public static async Task<HeadlessChromium> StartAsync(int width = 1400, int height = 1000, TimeSpan? timeout = null)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: run deploy/bootstrap.sh (it installs Debian's chromium for the browser tests)");
        }

        var profile = Directory.CreateTempSubdirectory("evograins-chromium-").FullName;
        var process = ChildProcess.Start(Binary,
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--disable-sync", "--disable-component-update", "--mute-audio",
            "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", $"--user-data-dir={profile}", $"--window-size={width},{height}", "about:blank",
        ], profile);
        try
        {
            // Chromium writes the port it chose and the browser's websocket path to this file once it listens.
            var portFile = Path.Combine(profile, "DevToolsActivePort");
            var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
            string[] lines = [];
            while (lines.Length < 2)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"chromium exited before listening: {process.Output}");
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"chromium did not open its DevTools port: {process.Output}");
                }

                await Task.Delay(100);
                lines = File.Exists(portFile) ? (await File.ReadAllLinesAsync(portFile)).Where(l => l.Length > 0).ToArray() : [];
            }

            var socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{lines[0]}{lines[1]}"), CancellationToken.None);
            var browser = new HeadlessChromium(process, profile, socket);
            await browser.OpenPageAsync(width, height);
            return browser;
        }
        catch
        {
            await process.DisposeAsync();
            TryDelete(profile);
            throw;
        }
    }

    /// <summary>Opens <paramref name="url"/> and waits for its load event; resets <see cref="BytesReceived"/>.</summary>
    public async Task NavigateAsync(Uri url, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        received.Clear();
        responses.Clear();
        loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var result = await SendAsync("Page.navigate", new JsonObject { ["url"] = url.ToString() });
        if (result.TryGetProperty("errorText", out var error))
        {
            throw new InvalidOperationException($"navigating to {url}: {error.GetString()}");
        }

        await loaded.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
    }

    /// <summary>Evaluates <paramref name="expression"/> in the page (awaiting a promise) and returns its value as JSON.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (result.TryGetProperty("exceptionDetails", out var exception))
        {
            throw new InvalidOperationException($"{expression}: {exception}");
        }

        return result.GetProperty("result").TryGetProperty("value", out var value) ? value.Clone() : default;
    }

    /// <summary>Polls <paramref name="expression"/> until it is true; on time-out says what it last was.</summary>
    public async Task WaitUntilAsync(string expression, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await EvaluateAsync(expression);
            if (value.ValueKind == JsonValueKind.True)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what}: `{expression}` was still {value} after {timeout}; page problems: {string.Join(" | ", Problems)}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>A PNG of the whole page (up to <paramref name="maxHeight"/> pixels tall).</summary>
    public async Task ScreenshotAsync(string path, int maxHeight = 6000)
    {
        var metrics = await SendAsync("Page.getLayoutMetrics", []);
        var size = metrics.GetProperty("cssContentSize");
        var clip = new JsonObject
        {
            ["x"] = 0, ["y"] = 0, ["scale"] = 1,
            ["width"] = Math.Ceiling(size.GetProperty("width").GetDouble()),
            ["height"] = Math.Min(maxHeight, Math.Ceiling(size.GetProperty("height").GetDouble())),
        };
        var shot = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true, ["clip"] = clip });
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(shot.GetProperty("data").GetString()!));
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                using var close = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, close.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The browser goes anyway.
        }

        socket.Dispose();
        await process.DisposeAsync();
        await reader.ContinueWith(_ => { }, TaskScheduler.Default);
        stop.Dispose();
        sending.Dispose();
        TryDelete(profile);
    }

    private async Task OpenPageAsync(int width, int height)
    {
        var target = await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, browserLevel: true);
        var attached = await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target.GetProperty("targetId").GetString(), ["flatten"] = true }, browserLevel: true);
        session = attached.GetProperty("sessionId").GetString();
        foreach (var domain in new[] { "Page.enable", "Runtime.enable", "Log.enable", "Network.enable" })
        {
            await SendAsync(domain, []);
        }

        await SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false });
    }

    private async Task<JsonElement> SendAsync(string method, JsonObject parameters, bool browserLevel = false)
    {
        var id = Interlocked.Increment(ref nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        if (!browserLevel)
        {
            message["sessionId"] = session;
        }

        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = answer;
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        // One send at a time on a websocket.
        await sending.WaitAsync(stop.Token);
        try
        {
            await socket.SendAsync(new ArraySegment<byte>(bytes), WebSocketMessageType.Text, true, stop.Token);
        }
        finally
        {
            sending.Release();
        }

        return await answer.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        try
        {
            while (!stop.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var part = await socket.ReceiveAsync(buffer, stop.Token);
                if (part.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, part.Count);
                if (!part.EndOfMessage)
                {
                    continue;
                }

                using (var json = JsonDocument.Parse(message.ToArray()))
                {
                    Dispatch(json.RootElement);
                }

                message.SetLength(0);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The browser or the test ended.
        }
        finally
        {
            foreach (var answer in pending.Values)
            {
                answer.TrySetException(new InvalidOperationException("the browser's DevTools connection closed"));
            }
        }
    }

    private void Dispatch(JsonElement message)
    {
        if (message.TryGetProperty("id", out var id))
        {
            if (pending.TryRemove(id.GetInt32(), out var answer))
            {
                if (message.TryGetProperty("error", out var error))
                {
                    answer.TrySetException(new InvalidOperationException($"DevTools: {error}"));
                }
                else
                {
                    answer.TrySetResult(message.GetProperty("result").Clone());
                }
            }

            return;
        }

        var parameters = message.TryGetProperty("params", out var p) ? p : default;
        switch (message.GetProperty("method").GetString())
        {
            case "Page.loadEventFired":
                loaded.TrySetResult();
                break;
            case "Runtime.consoleAPICalled" when parameters.GetProperty("type").GetString() is "error" or "assert":
                problems.Enqueue("console." + parameters.GetProperty("type").GetString() + ": " + string.Join(" ", parameters.GetProperty("args").EnumerateArray().Select(Describe)));
                break;
            case "Runtime.exceptionThrown":
                var details = parameters.GetProperty("exceptionDetails");
                problems.Enqueue("uncaught: " + (details.TryGetProperty("exception", out var exception) ? Describe(exception) : details.GetProperty("text").GetString()));
                break;
            case "Log.entryAdded" when parameters.GetProperty("entry").GetProperty("level").GetString() == "error":
                var entry = parameters.GetProperty("entry");
                problems.Enqueue($"log ({entry.GetProperty("source").GetString()}): {entry.GetProperty("text").GetString()} {(entry.TryGetProperty("url", out var url) ? url.GetString() : "")}");
                break;
            case "Page.javascriptDialogOpening":
                problems.Enqueue($"dialog ({parameters.GetProperty("type").GetString()}): {parameters.GetProperty("message").GetString()}");
                _ = Task.Run(() => SendAsync("Page.handleJavaScriptDialog", new JsonObject { ["accept"] = false }));
                break;
            case "Network.responseReceived":
                var response = parameters.GetProperty("response");
                var encoding = response.GetProperty("headers").EnumerateObject()
                    .FirstOrDefault(h => h.Name.Equals("content-encoding", StringComparison.OrdinalIgnoreCase)).Value;
                responses[parameters.GetProperty("requestId").GetString()!] =
                    (response.GetProperty("url").GetString()!, encoding.ValueKind == JsonValueKind.String ? encoding.GetString() : null);
                break;
            case "Network.dataReceived":
                received.AddOrUpdate(parameters.GetProperty("requestId").GetString()!, 0, (_, bytes) => bytes);
                break;
            case "Network.loadingFinished":
                // The whole response as it came over the wire: headers and the (compressed) body.
                received[parameters.GetProperty("requestId").GetString()!] = (long)parameters.GetProperty("encodedDataLength").GetDouble();
                break;
        }
    }

    private static string Describe(JsonElement remote) =>
        remote.TryGetProperty("value", out var value) ? value.ToString()
        : remote.TryGetProperty("description", out var description) ? description.GetString() ?? ""
        : remote.ToString();

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing into its profile; the temp folder is cleaned some other day.
        }
    }
}
