using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Commands;

/// <summary>What `evograins train` was asked to do.</summary>
public sealed record TrainOptions(EvaluationSpec Evaluation, int Seeds, bool Test, int Threads);
