using EvoGrains.Core.Expressions;

namespace EvoGrains.Benchmarks.Fidelity;

/// <summary>One loss the fidelity benchmark ranks: a baseline by zoo name, or a screened candidate by hash.</summary>
public sealed record FidelityLoss(string Name, LossFunction Loss, bool IsBaseline);
