using EvoGrains.Core.Evolution;

namespace EvoGrains.Core.Search.Islands;

/// <summary>
/// An evaluation the island waits for. <see cref="AskedAt"/> is null until the individual has been
/// asked (and again after a failed write or a reactivation), which is when the pump asks.
/// </summary>
public sealed class PendingEvaluation(Candidate candidate, bool shared = false)
{
    public Candidate Candidate { get; } = candidate;

    public string Hash => Candidate.Loss.HashHex;

    public DateTimeOffset? AskedAt { get; internal set; }

    /// <summary>Another island asked for the same loss first: the result comes from its training.</summary>
    public bool Shared { get; internal set; } = shared;
}
