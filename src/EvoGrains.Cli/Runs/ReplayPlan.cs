using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Runs;

/// <summary>One recorded evaluation of a run folder and how the search trained it.</summary>
/// <param name="Evaluation">The search's evaluation at <see cref="Rung"/>: the steps and seeds its trainers
/// used.</param>
/// <param name="Seed">The base training seed (the spec's <c>seed</c>, as every search job has).</param>
public sealed record ReplayPlan(
    string Folder,
    SearchSpec Spec,
    HistoryRow Row,
    LossFunction Loss,
    int Rung,
    EvaluationSpec Evaluation,
    int Seed);
