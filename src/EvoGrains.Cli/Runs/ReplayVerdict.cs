namespace EvoGrains.Cli.Runs;

/// <summary>How a replayed fitness compares with the one the search recorded.</summary>
public enum ReplayVerdict
{
    /// <summary>The same fitness and status, bit for bit.</summary>
    Identical,

    /// <summary>
    /// Within one validation image: the search trained the loss in a pack of several (<c>trainers.packSize</c> &gt; 1),
    /// and a packed member agrees with a lone run to one image.
    /// </summary>
    WithinPacking,

    /// <summary>Not the recorded result.</summary>
    Differs,
}
