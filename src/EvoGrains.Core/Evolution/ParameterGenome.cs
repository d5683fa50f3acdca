using System.Globalization;
using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Evolution;

/// <summary>TaylorGLO's parameter vector (c0, c1, a2..a7) as a genome: <c>taylorglo|sum|c0,c1,...</c>.</summary>
public sealed record ParameterGenome(IReadOnlyList<double> Parameters) : Genome(ClassReduction.Sum)
{
    public const string Kind = "taylorglo";

    public override LossFunction ToLoss() => TaylorGloLoss.FromParameters(Parameters);

    public override string Encode() =>
        $"{Kind}|sum|{string.Join(",", Parameters.Select(p => p.ToString("R", CultureInfo.InvariantCulture)))}";

    public static ParameterGenome Decode(string body) =>
        new(body.Split(',').Select(text =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new FormatException($"taylorglo parameter '{text}' is not a number")).ToArray());
}
