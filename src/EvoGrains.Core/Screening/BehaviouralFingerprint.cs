using System.Globalization;
using System.Text;
using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Screening;

/// <summary>
/// AutoML-Zero / AutoLoss-Zero functional-equivalence key: the loss gradients on fixed probe
/// inputs, quantised to 5 significant digits and hashed. Equivalent losses share one evaluation.
/// </summary>
public static class BehaviouralFingerprint
{
    private const double Negligible = 1e-12;

    public static ulong Compute(LossInterpreter interpreter, ProbeSet probes)
    {
        var text = new StringBuilder(probes.Count * probes.Classes * 12);
        var gradient = new double[probes.Classes];
        for (var i = 0; i < probes.Count; i++)
        {
            interpreter.Evaluate(probes.Logits[i], probes.Labels[i], gradient);
            foreach (var g in gradient)
            {
                text.Append(Math.Abs(g) < Negligible ? "0" : g.ToString("E4", CultureInfo.InvariantCulture)).Append(';');
            }
        }

        return StableHash.Of(text.ToString());
    }
}
