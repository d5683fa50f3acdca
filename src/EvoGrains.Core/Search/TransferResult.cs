using Orleans;

namespace EvoGrains.Core.Search;

/// <summary>
/// One transfer setting's table: the test table's arms retrained <see cref="Seeds"/> times (the test table's seeds) in
/// <see cref="Setting"/> and measured on the test set, with the p-values of the test table (against CE and the best
/// baseline).
/// </summary>
/// <param name="Name">The setting's name (<see cref="TransferSpec.Label"/>).</param>
/// <param name="Setting">The setting as the spec gives it.</param>
/// <param name="Differences">One line: how the setting trains differently from the test table
/// (<see cref="TransferSpec.Differences"/>).</param>
/// <param name="Steps">Training steps of each run.</param>
/// <param name="Seeds">Runs per arm.</param>
/// <param name="Rows">Every arm of the test table, in its order.</param>
[GenerateSerializer, Immutable, Alias("evograins.transfer-result")]
public sealed record TransferResult(
    [Id(0)] string Name,
    [Id(1)] TransferSpec Setting,
    [Id(2)] string Differences,
    [Id(3)] int Steps,
    [Id(4)] int Seeds,
    [Id(5)] IReadOnlyList<ComparisonRow> Rows);
