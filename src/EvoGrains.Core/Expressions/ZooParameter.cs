using System.Globalization;

namespace EvoGrains.Core.Expressions;

/// <summary>
/// One real parameter of a <see cref="ZooFamily"/>: its name, published default and admissible range.
/// </summary>
/// <param name="Name">As written in signatures and errors (e.g. "eps").</param>
/// <param name="Default">What the bare family name means (METHODS.md section 6).</param>
/// <param name="Min">Lowest admissible value (excluded when <paramref name="MinExcluded"/>).</param>
/// <param name="Max">Highest admissible value (excluded when <paramref name="MaxExcluded"/>).</param>
public sealed record ZooParameter(
    string Name,
    double Default,
    double Min,
    double Max,
    bool MinExcluded = false,
    bool MaxExcluded = false)
{
    /// <summary>The range in interval notation, e.g. "(0, 1]".</summary>
    public string Range => string.Create(
        CultureInfo.InvariantCulture, $"{(MinExcluded ? '(' : '[')}{Min}, {Max}{(MaxExcluded ? ')' : ']')}");

    /// <summary>Whether <paramref name="value"/> lies in the range (NaN never does).</summary>
    public bool Admits(double value) =>
        (MinExcluded ? value > Min : value >= Min) && (MaxExcluded ? value < Max : value <= Max);
}
