namespace EvoGrains.Grains;

/// <summary>
/// Coalesces state writes of an interleaving grain: callers that arrive while a write runs share
/// the one write that starts after it, so N concurrent changes cost about two writes, and writes
/// never overlap (storage etags would reject that). Use only on the grain's own scheduler.
/// </summary>
internal sealed class GroupCommit(Func<Task> write)
{
    private Task? running;
    private Task? queued;

    /// <summary>Completes once a write that began after this call (and so includes the caller's changes) has finished.</summary>
    public Task CommitAsync()
    {
        if (running is null || running.IsCompleted)
        {
            running = write();
            return running;
        }

        return queued ??= WriteAfterAsync(running);
    }

    private async Task WriteAfterAsync(Task previous)
    {
        // The earlier write's callers observe its failure; this one only needs it finished.
        await Task.WhenAny(previous);
        queued = null;
        running = write();
        await running;
    }
}
