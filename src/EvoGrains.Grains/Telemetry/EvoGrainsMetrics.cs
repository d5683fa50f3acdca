using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using EvoGrains.Core.Search;

namespace EvoGrains.Grains.Telemetry;

/// <summary>
/// Owner of the "EvoGrains" meter and its instruments: evaluations (count and duration by status),
/// queue depth, and the busy ratio of this silo's trainers. The silo host exports everything
/// published under <see cref="MeterName"/> (OpenTelemetry).
/// </summary>
public sealed class EvoGrainsMetrics
{
    public const string MeterName = "EvoGrains";

    private readonly Counter<long> evaluations;
    private readonly Histogram<double> evaluationSeconds;
    private readonly ConcurrentDictionary<string, int> queueDepths = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> trainersBusy = new(StringComparer.Ordinal);

    public EvoGrainsMetrics(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create(MeterName);
        evaluations = Meter.CreateCounter<long>(
            "evograins.evaluations", description: "Evaluations finished by trainers on this silo.");
        evaluationSeconds = Meter.CreateHistogram<double>(
            "evograins.evaluation.duration", unit: "s", description: "Wall time of one evaluation.");
        Meter.CreateObservableGauge(
            "evograins.queue.depth", () => queueDepths.Values.Sum(),
            description: "Jobs waiting for a trainer in the queues hosted on this silo.");
        Meter.CreateObservableGauge(
            "evograins.trainers.busy_ratio", BusyRatio,
            description: "Share of this silo's trainers that are training now.");
    }

    public Meter Meter { get; }

    public void EvaluationFinished(EvaluationStatus status, double seconds)
    {
        var tag = new KeyValuePair<string, object?>("status", status.ToString().ToLowerInvariant());
        evaluations.Add(1, tag);
        evaluationSeconds.Record(seconds, tag);
    }

    public void QueueDepth(string searchId, int waiting) => queueDepths[searchId] = waiting;

    public void QueueGone(string searchId) => queueDepths.TryRemove(searchId, out _);

    public void TrainerBusy(string trainerId, bool busy) => trainersBusy[trainerId] = busy;

    public void TrainerGone(string trainerId) => trainersBusy.TryRemove(trainerId, out _);

    private double BusyRatio()
    {
        var states = trainersBusy.Values.ToList();
        return states.Count == 0 ? 0 : (double)states.Count(b => b) / states.Count;
    }
}
