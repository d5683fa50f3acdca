namespace EvoGrains.Grains.Islands;

/// <summary>
/// Runs one round at a time on the grain's scheduler; wakes while a round runs coalesce into one
/// more round, so a burst of results costs one write and one batch of messages.
/// </summary>
internal sealed class CoalescingPump(Func<bool, Task> round)
{
    private Task running = Task.CompletedTask;
    private bool again;
    private bool withStatus;

    /// <summary>Completes when no round is running.</summary>
    public Task Idle => running;

    /// <summary>Asks for a round; <paramref name="status"/>: that round reports even with an empty outbox.</summary>
    public void Wake(bool status)
    {
        again = true;
        withStatus |= status;
        if (running.IsCompleted)
        {
            running = RunAsync();
        }
    }

    private async Task RunAsync()
    {
        while (again)
        {
            again = false;
            var status = withStatus;
            withStatus = false;
            await round(status);
        }
    }
}
