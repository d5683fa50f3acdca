using System.Diagnostics;
using System.Runtime.InteropServices;

namespace EvoGrains.Grains.Telemetry;

/// <summary>
/// Process-wide CPU time spent on search work: islands proposing and screening, trainers evaluating.
/// Measured with the calling thread's own CPU clock (the work is synchronous), so time the thread
/// spent descheduled is not counted. Everything else a process spends is orchestration, which is how
/// the orchestration benchmark separates the two in one run. The bytes the work allocates are counted too:
/// the garbage collector's threads run outside it, so their time lands on orchestration whoever allocated.
/// </summary>
public static partial class SearchWork
{
    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

    private static long totalTicks;
    private static long allocatedBytes;

    public static TimeSpan Total => TimeSpan.FromTicks(Interlocked.Read(ref totalTicks));

    /// <summary>Bytes allocated by search work so far.</summary>
    public static long Allocated => Interlocked.Read(ref allocatedBytes);

    public static T Measure<T>(Func<T> work)
    {
        var start = ThreadTime();
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            return work();
        }
        finally
        {
            Interlocked.Add(ref allocatedBytes, GC.GetAllocatedBytesForCurrentThread() - bytes);
            Interlocked.Add(ref totalTicks, (ThreadTime() - start).Ticks);
        }
    }

    // Off Linux the wall clock stands in: it over-counts only when cores are oversubscribed.
    private static TimeSpan ThreadTime() =>
        OperatingSystem.IsLinux() && ClockGetTime(ThreadCpuClock, out var time) == 0
            ? TimeSpan.FromTicks(time.Seconds * TimeSpan.TicksPerSecond + time.Nanoseconds / 100)
            : Stopwatch.GetElapsedTime(0);

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
