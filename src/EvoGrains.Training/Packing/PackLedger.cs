using EvoGrains.Training.Trainer;
using TorchSharp;
using static TorchSharp.torch;

namespace EvoGrains.Training.Packing;

/// <summary>
/// Keeps each step's member losses and parameter norms on the device and reads them back together, so a
/// step never waits for the host. A read-back replays the steps in order, so every member fails at the
/// step, and with the reason, it would have failed at alone.
/// </summary>
internal sealed class PackLedger(IReadOnlyList<PackMember> members, double maxParameterNorm) : IDisposable
{
    private readonly List<StepRecord> pending = [];

    public IReadOnlyList<MemberState> Members { get; } = members.Select(m => new MemberState(m)).ToList();

    public bool AnyComputing => Members.Any(m => m.Computing);

    public bool AnyOpen => Members.Any(m => m.Outcome is null);

    public IEnumerable<int> Computing() => Enumerable.Range(0, Members.Count).Where(i => Members[i].Computing);

    public IEnumerable<int> Open() => Enumerable.Range(0, Members.Count).Where(i => Members[i].Outcome is null);

    /// <summary>Takes ownership of <paramref name="values"/> (detached from any dispose scope).</summary>
    public void AddLosses(int step, int[] memberIndices, Tensor values) =>
        pending.Add(new StepRecord(step, step, memberIndices, values, IsNorm: false));

    /// <summary>Takes ownership of <paramref name="norms"/>, one per member of the pack.</summary>
    public void AddNorms(int step, int stepsCompleted, Tensor norms) =>
        pending.Add(new StepRecord(
            step, stepsCompleted, Enumerable.Range(0, Members.Count).ToArray(), norms, IsNorm: true));

    public void FailOnHost(int member, int step, string reason) => Members[member].HostFailure = (step, reason);

    public void Finish(
        int member,
        TrainingStatus status,
        string? reason,
        double validation,
        double? test,
        int stepsCompleted) =>
        Members[member].Outcome = new MemberOutcome(status, reason, validation, test, stepsCompleted);

    /// <summary>
    /// The one host synchronisation: reads every pending value, then settles failures and withdrawals.
    /// </summary>
    public void Settle()
    {
        if (pending.Count > 0)
        {
            double[] values;
            using (torch.NewDisposeScope())
            {
                values = torch.cat(pending.Select(r => r.Values.to_type(ScalarType.Float64)).ToArray())
                    .cpu()
                    .data<double>()
                    .ToArray();
            }

            var offset = 0;
            foreach (var record in pending)
            {
                for (var j = 0; j < record.Members.Length; j++)
                {
                    Apply(record, record.Members[j], values[offset + j]);
                }

                offset += record.Members.Length;
                record.Values.Dispose();
            }

            pending.Clear();
        }

        for (var i = 0; i < Members.Count; i++)
        {
            var member = Members[i];
            if (member.Outcome is null && member.HostFailure is { } failure)
            {
                Finish(i, TrainingStatus.Failed, failure.Reason, 0.0, null, failure.Step);
            }
            else if (member.Outcome is null && member.Member.Withdrawn.IsCancellationRequested)
            {
                Finish(i, TrainingStatus.Failed, "withdrawn", 0.0, null, member.Losses.Count);
            }
        }
    }

    public void Dispose()
    {
        pending.ForEach(r => r.Values.Dispose());
        pending.Clear();
    }

    private void Apply(StepRecord record, int index, double value)
    {
        var member = Members[index];
        if (member.Outcome is not null)
        {
            return;
        }

        if (member.HostFailure is { } failure && failure.Step <= record.Step)
        {
            Finish(index, TrainingStatus.Failed, failure.Reason, 0.0, null, failure.Step);
            return;
        }

        var reason = record.IsNorm ? NormFailure(value, record.Step) : LossFailure(value, record.Step);
        if (reason is not null)
        {
            Finish(index, TrainingStatus.Failed, reason, 0.0, null, record.StepsCompleted);
        }
        else if (!record.IsNorm)
        {
            member.Losses.Add(value);
        }
    }

    private static string? LossFailure(double loss, int step) =>
        double.IsFinite(loss) ? null : FormattableString.Invariant($"non-finite loss ({loss}) at step {step}");

    private string? NormFailure(double norm, int step)
    {
        if (!double.IsFinite(norm))
        {
            return FormattableString.Invariant($"non-finite parameters after step {step}");
        }

        return norm > maxParameterNorm
            ? FormattableString.Invariant(
                $"exploding weights: parameter norm {norm:G4} exceeds {maxParameterNorm:G4} after step {step}")
            : null;
    }
}
