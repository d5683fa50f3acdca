using System.Diagnostics;

namespace EvoGrains.Grains;

/// <summary>
/// Coalesces state writes of a grain: callers that arrive while a write runs (or within
/// <c>spacing</c> of the last write's start) share the one write that starts after it, so N
/// concurrent changes cost about two writes, and writes never overlap (storage etags would reject
/// that). The spacing bounds how often a busy grain serializes its state, at the price of that
/// much latency. Use only on the grain's own scheduler.
/// </summary>
internal sealed class GroupCommit(Func<Task> write, TimeSpan spacing = default)
{
    private Task running = Task.CompletedTask;
    private Task? queued;
    private long lastStart;

    /// <summary>
    /// Completes once a write that began after this call (and so includes the caller's changes) has finished.
    /// </summary>
    public Task CommitAsync()
    {
        if (queued is not null)
        {
            return queued;
        }

        if (running.IsCompleted && Stopwatch.GetElapsedTime(lastStart) >= spacing)
        {
            return running = Start();
        }

        return queued = WriteAfterAsync(running);
    }

    private Task Start()
    {
        lastStart = Stopwatch.GetTimestamp();
        return write();
    }

    private async Task WriteAfterAsync(Task previous)
    {
        // The earlier write's callers observe its failure; this one only needs it finished. Always yield
        // first: the caller stores this task as 'queued' on return, so clearing it below must come later.
        await ((Task)Task.WhenAny(previous))
            .ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.ForceYielding);
        var wait = spacing - Stopwatch.GetElapsedTime(lastStart);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        queued = null;
        running = Start();
        await running;
    }
}
