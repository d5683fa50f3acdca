namespace EvoGrains.Core.Search.Registries;

/// <summary>
/// The one list of evaluators a spec can name (<c>evaluation.evaluator</c>), read by the spec validator, the docs test
/// and the hosts, which register one keyed <c>IEvaluatorFactory</c> per entry (Training's in Hosting, the synthetic one
/// in Core).
/// </summary>
public static class EvaluatorRegistry
{
    /// <summary>The default evaluator's name (a constant, for default values).</summary>
    public const string TrainingName = "training";

    public static EvaluatorDescriptor Training { get; } = new()
    {
        Name = TrainingName,
        Description = "trains the spec's model with each loss (TorchSharp) and measures its validation accuracy",
        Trains = true,
    };

    public static EvaluatorDescriptor Synthetic { get; } = new()
    {
        Name = "synthetic",
        Description =
            "scores a loss without training, by how close its two-class curve is to Baikal's (tests and benchmarks)",
    };

    /// <summary>Every evaluator, in the order help and docs list them.</summary>
    public static IReadOnlyList<EvaluatorDescriptor> All { get; } = [Training, Synthetic];

    private static readonly Registry<EvaluatorDescriptor> Entries = new("evaluator", All);

    public static IReadOnlyList<string> Names => Entries.Names;

    /// <summary>The evaluator named <paramref name="name"/> (exactly, as specs spell it), or null.</summary>
    public static EvaluatorDescriptor? Find(string name) => Entries.Find(name);

    /// <summary>The evaluator named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No evaluator has that name.</exception>
    public static EvaluatorDescriptor Get(string name) => Entries.Get(name);
}
