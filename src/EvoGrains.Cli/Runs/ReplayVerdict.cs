namespace EvoGrains.Cli.Runs;

/// <summary>How a replayed fitness compares with the one the search recorded.</summary>
public enum ReplayVerdict
{
    /// <summary>The same fitness and status, bit for bit.</summary>
    Identical,

    /// <summary>Not the recorded result.</summary>
    Differs,
}
