using EvoGrains.Core.Screening;

namespace EvoGrains.Core.Evolution;

/// <summary>How many genomes were drawn and where the funnel stopped them.</summary>
public sealed class ProposalStatistics
{
    private readonly long[] rejectedAt = new long[Enum.GetValues<ScreeningStage>().Length];

    public long Generated { get; private set; }

    public long Proposed { get; private set; }

    public long Duplicates { get; private set; }

    public long Rejected => rejectedAt.Sum();

    public long RejectedAt(ScreeningStage stage) => rejectedAt[(int)stage];

    internal void CountGenerated() => Generated++;

    internal void CountRejected(ScreeningStage stage) => rejectedAt[(int)stage]++;

    internal void CountDuplicate() => Duplicates++;

    internal void CountProposed() => Proposed++;
}
