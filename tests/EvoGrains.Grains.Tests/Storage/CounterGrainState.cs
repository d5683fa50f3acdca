using System.Diagnostics.CodeAnalysis;
using EvoGrains.Grains.Tests.TestGrains;

namespace EvoGrains.Grains.Tests.Storage;

/// <summary>Non-nullable stand-in for Orleans' <c>GrainState&lt;T&gt;</c> so tests read without null-forgiving noise.</summary>
internal sealed class CounterGrainState(CounterState? state = null) : IGrainState<CounterState>
{
    [AllowNull]
    public CounterState State { get; set => field = value ?? new CounterState(); } = state ?? new CounterState();

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}
