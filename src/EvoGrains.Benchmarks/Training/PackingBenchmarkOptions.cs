namespace EvoGrains.Benchmarks.Training;

/// <summary>
/// What the packing benchmark trains: the quickstart's evaluation with the given model, steps and candidates.
/// </summary>
/// <param name="Model">mlp, small-cnn or resnet9.</param>
/// <param name="Candidates">Zoo losses first, then random screened NLFS cells.</param>
/// <param name="Steps">Optimizer steps per evaluation.</param>
/// <param name="Rounds">Interleaved rounds; each configuration keeps its best.</param>
/// <param name="Trainers">Trainer threads of one libtorch thread each (the cores used).</param>
public sealed record PackingBenchmarkOptions(
    string Model = "mlp",
    int Candidates = 64,
    int Steps = 150,
    int Rounds = 2,
    int Trainers = 2)
{
    public IReadOnlyList<int> PackSizes { get; init; } = [1, 2, 4, 8, 16, 32];

    /// <summary>Shorter defaults for the convolutional models, so a run takes minutes on two shared cores.</summary>
    public static PackingBenchmarkOptions For(string model) => model switch
    {
        "small-cnn" => new PackingBenchmarkOptions(model, Candidates: 32, Steps: 40),
        "resnet9" =>
            new PackingBenchmarkOptions(model, Candidates: 8, Steps: 5, Rounds: 1) { PackSizes = [1, 2, 4, 8] },
        _ => new PackingBenchmarkOptions(model),
    };
}
