namespace EvoGrains.Cli.Cluster;

/// <summary>
/// How a followed search shows its progress when the output is not an interactive terminal (or is JSON): one line
/// (text, or a status object with <paramref name="Json"/>) when it progressed, at most one per
/// <paramref name="Interval"/>.
/// </summary>
public sealed record ProgressOutput(bool Json, TimeSpan Interval)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);

    /// <summary>Reads the interval; a test sets its own clock.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
