using System.Globalization;

namespace EvoGrains.Cli.Bench;

/// <summary>How busy the machine was around a benchmark, for its results file.</summary>
public static class MachineLoad
{
    /// <summary>The 1-minute load average, NaN where /proc/loadavg does not exist.</summary>
    public static double LoadAverage() =>
        File.Exists("/proc/loadavg")
            && double.TryParse(
                File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture, out var load)
            ? load
            : double.NaN;
}
