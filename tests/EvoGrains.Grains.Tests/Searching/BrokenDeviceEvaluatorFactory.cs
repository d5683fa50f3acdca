using System.Collections.Concurrent;
using EvoGrains.Core.Evaluation;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;

namespace EvoGrains.Grains.Tests.Searching;

/// <summary>
/// Registered as the "training" evaluator in the test clusters: a device that fails every run (transient), or,
/// when the spec names a dataPath, data that vanished after the start check (permanent, as a DatasetException is).
/// <see cref="Runs"/> counts the runs per dataPath, so a test can see whether a failure was retried.
/// </summary>
internal sealed class BrokenDeviceEvaluatorFactory : IEvaluatorFactory
{
    public const string Failure = "device lost";

    public static ConcurrentDictionary<string, int> Runs { get; } = new(StringComparer.Ordinal);

    public IFitnessEvaluator Create(EvaluationSpec spec, int seed) => new Broken(spec.DataPath);

    private sealed class Broken(string dataPath) : IFitnessEvaluator
    {
        public Task<EvaluationResult> EvaluateAsync(LossFunction loss, CancellationToken cancellationToken)
        {
            if (dataPath.Length == 0)
            {
                throw new System.Runtime.InteropServices.ExternalException($"CUDA error: {Failure}");
            }

            Runs.AddOrUpdate(dataPath, 1, (_, runs) => runs + 1);
            throw new PermanentEvaluationException($"{dataPath}/train-images-idx3-ubyte.gz: file not found");
        }
    }
}
