using Microsoft.Extensions.Logging;

namespace EvoGrains.Grains.Searches;

/// <summary>
/// The search's one way to call a grain it only informs or asks for extras (the queue, the registry): the call
/// gets a token cancelled after <see cref="Timeout"/>, which Orleans sends on to the callee (a request still
/// queued there never runs), and a failure is logged and answered with the default instead of failing the caller.
/// </summary>
public sealed partial class SideCalls(ILogger logger, string searchId)
{
    /// <summary>A grain on a dead silo must not hold up status calls until Orleans' response timeout.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<T?> CallAsync<T>(string target, Func<CancellationToken, Task<T>> call)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            return await call(timeout.Token);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogFailed(logger, error, searchId, target);
            return default;
        }
    }

    public Task CallAsync(string target, Func<CancellationToken, Task> call) =>
        CallAsync(target, async token =>
        {
            await call(token);
            return true;
        });

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Search {SearchId}: a call to its {Target} failed or timed out; the timer retries")]
    private static partial void LogFailed(ILogger logger, Exception error, string searchId, string target);
}
