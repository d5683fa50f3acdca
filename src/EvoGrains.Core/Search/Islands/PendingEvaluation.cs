using EvoGrains.Core.Evolution;

namespace EvoGrains.Core.Search.Islands;

/// <summary>
/// An evaluation the island waits for, at rung <see cref="Rung"/>. <see cref="AskedAt"/> is null until the individual
/// has been asked (and again after a failed write or a reactivation), which is when the pump asks.
/// </summary>
public sealed class PendingEvaluation(Candidate candidate, bool shared = false, int rung = 0)
{
    private StoredCandidate? stored;

    public Candidate Candidate { get; } = candidate;

    public string Hash => Candidate.Loss.HashHex;

    public int Rung { get; } = rung;

    /// <summary>See <see cref="EvaluationKey"/>: one-hot twins share it, so the search trains one of them.</summary>
    public string Key { get; } = EvaluationKey.Of(candidate.Loss.FingerprintHex, rung);

    /// <summary>
    /// The candidate as storage and asks carry it, encoded once: the island writes it on every write while it waits.
    /// </summary>
    public StoredCandidate Stored => stored ??= StoredCandidate.From(Candidate);

    public DateTimeOffset? AskedAt { get; internal set; }

    /// <summary>
    /// An ask for it went out before this activation's current one (restored evaluations count as asked).
    /// </summary>
    public bool AskedBefore { get; internal set; }

    /// <summary>
    /// The current ask repeats an earlier one (the reply to it was lost, or the island reactivated since).
    /// </summary>
    public bool Again { get; internal set; }

    /// <summary>
    /// The individual says this island already received its outcome, though this ask is a first one: the island
    /// absorbed and reported it in an earlier activation and proposed it again (the set of losses it has seen does not
    /// survive a reactivation). Its result joins the population but is not reported a second time.
    /// </summary>
    public bool Repeat { get; internal set; }

    /// <summary>
    /// Another island asked for the same loss (or a one-hot twin) first: the result comes from its training.
    /// </summary>
    public bool Shared { get; internal set; } = shared;
}
