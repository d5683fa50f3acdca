using System.Globalization;

namespace EvoGrains.Benchmarks.Training;

public static class ProcessMemory
{
    private const string StatusFile = "/proc/self/status";

    /// <summary>
    /// VmRSS of this process in kB, after a full garbage collection: undisposed-but-unreachable tensors and
    /// dead managed arrays are released first, so what remains is memory something still holds.
    /// </summary>
    public static long ResidentKilobytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        if (!File.Exists(StatusFile))
        {
            throw new PlatformNotSupportedException($"{StatusFile} is not available; RSS is only read on Linux.");
        }

        var line = File.ReadLines(StatusFile).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{StatusFile} has no VmRSS line.");
        var value = line["VmRSS:".Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return long.Parse(value, CultureInfo.InvariantCulture);
    }
}
