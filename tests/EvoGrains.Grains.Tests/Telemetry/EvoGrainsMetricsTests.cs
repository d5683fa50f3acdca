using System.Diagnostics.Metrics;
using EvoGrains.Core.Search;
using EvoGrains.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace EvoGrains.Grains.Tests.Telemetry;

public sealed class EvoGrainsMetricsTests
{
    [Fact]
    public void Publishes_evaluations_queue_depth_and_trainer_busy_ratio()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new EvoGrainsMetrics(services.GetRequiredService<IMeterFactory>());
        var longs = new Dictionary<string, long>();
        var doubles = new Dictionary<string, List<double>>();
        var ints = new Dictionary<string, int>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, metrics.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, _, _) => longs[i.Name] = longs.GetValueOrDefault(i.Name) + value);
        listener.SetMeasurementEventCallback<double>((i, value, _, _) => (doubles.TryGetValue(i.Name, out var list) ? list : doubles[i.Name] = []).Add(value));
        listener.SetMeasurementEventCallback<int>((i, value, _, _) => ints[i.Name] = value);
        listener.Start();

        metrics.EvaluationFinished(EvaluationStatus.Completed, 1.5);
        metrics.EvaluationFinished(EvaluationStatus.Failed, 0.5);
        metrics.QueueDepth("a", 3);
        metrics.QueueDepth("b", 4);
        metrics.TrainerBusy("t1", true);
        metrics.TrainerBusy("t2", false);
        metrics.TrainerBusy("t3", true);
        metrics.TrainerGone("t3");
        listener.RecordObservableInstruments();

        Assert.Equal(2, longs["evograins.evaluations"]);
        Assert.Contains(1.5, doubles["evograins.evaluation.duration"]);
        Assert.Equal(7, ints["evograins.queue.depth"]);
        Assert.Equal(0.5, doubles["evograins.trainers.busy_ratio"].Last());
    }
}
