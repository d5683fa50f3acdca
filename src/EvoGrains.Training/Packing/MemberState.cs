namespace EvoGrains.Training.Packing;

/// <summary>
/// What the host knows about one member: its read-back losses, a failure seen on the host, its outcome.
/// </summary>
internal sealed class MemberState(PackMember member)
{
    private const int LossWindow = 50;

    public PackMember Member { get; } = member;

    /// <summary>Read-back training losses, one per finished step.</summary>
    public List<double> Losses { get; } = [];

    /// <summary>
    /// The loss threw or returned a non-scalar: known at once, settled in step order at the next read-back.
    /// </summary>
    public (int Step, string Reason)? HostFailure { get; set; }

    public MemberOutcome? Outcome { get; set; }

    /// <summary>Still trained: its loss is part of the next step's sum.</summary>
    public bool Computing => Outcome is null && HostFailure is null;

    /// <summary>
    /// Mean loss over the last steps before <paramref name="steps"/>, as the one-candidate trainer reports it.
    /// </summary>
    public double RecentLoss(int steps)
    {
        var count = Math.Min(steps, Losses.Count);
        if (count == 0)
        {
            return double.NaN;
        }

        var from = Math.Max(0, count - LossWindow);
        var sum = 0.0;
        for (var i = from; i < count; i++)
        {
            sum += Losses[i];
        }

        return sum / (count - from);
    }
}
