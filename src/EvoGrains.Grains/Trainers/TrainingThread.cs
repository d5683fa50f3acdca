using System.Collections.Concurrent;

namespace EvoGrains.Grains.Trainers;

/// <summary>
/// One long-lived thread per trainer activation that runs its batches in turn, off the Orleans
/// scheduler: training blocks for seconds to hours and must never stall other grains, and
/// starting a fresh thread for every batch costs more than a fast batch itself.
/// </summary>
internal sealed class TrainingThread : IDisposable
{
    private readonly BlockingCollection<Action> work = [];

    public TrainingThread(string name)
    {
        var thread = new Thread(() =>
        {
            foreach (var item in work.GetConsumingEnumerable())
            {
                item();
            }
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
    }

    /// <summary>Runs <paramref name="action"/> on the thread; the task completes (or faults) when it has.</summary>
    public Task RunAsync(Action action)
    {
        // Continuations must not run inline on the training thread: the awaiting grain resumes on its own scheduler.
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        work.Add(() =>
        {
            try
            {
                action();
                done.SetResult();
            }
            catch (Exception error)
            {
                done.SetException(error);
            }
        });
        return done.Task;
    }

    /// <summary>The thread ends once the work already handed to it is done (the collection is left to it, not disposed under it).</summary>
    public void Dispose() => work.CompleteAdding();
}
