using System.Globalization;

namespace EvoGrains.Core.Expressions;

/// <summary>
/// A published loss with zero or more real parameters, as <see cref="LossZoo"/> registers it: its name, parameters with
/// ranges and defaults, a one-line description, and how its parameter values become a <see cref="LossFunction"/>.
/// </summary>
public sealed class ZooFamily
{
    private readonly Func<IReadOnlyList<double>, LossFunction> build;
    private readonly double[] defaults;

    public ZooFamily(
        string name,
        string description,
        IReadOnlyList<ZooParameter> parameters,
        Func<IReadOnlyList<double>, LossFunction> build)
    {
        Name = name;
        Description = description;
        Parameters = parameters;
        this.build = build;
        defaults = parameters.Select(p => p.Default).ToArray();
        Default = new ZooLoss(this, defaults, build(defaults));
    }

    public string Name { get; }

    /// <summary>Formula and source in one line (`loss zoo`, docs).</summary>
    public string Description { get; }

    public IReadOnlyList<ZooParameter> Parameters { get; }

    /// <summary>The family at its published defaults: what the bare name means.</summary>
    public ZooLoss Default { get; }

    /// <summary>The name with its parameter names, e.g. "sce(alpha,beta)".</summary>
    public string Signature =>
        Parameters.Count == 0 ? Name : $"{Name}({string.Join(",", Parameters.Select(p => p.Name))})";

    /// <summary>The bare name for the defaults, else the name with the values, e.g. "sce(0.1,1)".</summary>
    public string DisplayName(IReadOnlyList<double> arguments) =>
        arguments.SequenceEqual(defaults)
            ? Name
            : $"{Name}({string.Join(",", arguments.Select(InfixPrinter.FormatConstant))})";

    /// <summary>The member with these parameter values.</summary>
    /// <exception cref="LossNameException">Too many or too few values, or one out of its range.</exception>
    public ZooLoss Create(IReadOnlyList<double> arguments) =>
        Create(arguments, $"{Name}({string.Join(",", arguments.Select(InfixPrinter.FormatConstant))})");

    /// <summary>The member named by parameter texts, as written in <paramref name="call"/> (for errors).</summary>
    /// <exception cref="LossNameException">A value is not a number, or as
    /// <see cref="Create(IReadOnlyList{double})"/>.</exception>
    public ZooLoss Create(IReadOnlyList<string> arguments, string call)
    {
        CheckCount(arguments.Count, call);
        var values = new double[arguments.Count];
        for (var i = 0; i < arguments.Count; i++)
        {
            var text = arguments[i].Trim();
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                throw new LossNameException(
                    $"{call}: {Name}'s {Parameters[i].Name} must be a number in {Parameters[i].Range} "
                    + $"(got '{text}')",
                    i);
            }
        }

        return Create(values, call);
    }

    private ZooLoss Create(IReadOnlyList<double> arguments, string call)
    {
        CheckCount(arguments.Count, call);
        for (var i = 0; i < arguments.Count; i++)
        {
            var parameter = Parameters[i];
            if (!parameter.Admits(arguments[i]))
            {
                throw new LossNameException(string.Create(CultureInfo.InvariantCulture,
                    $"{call}: {Name}'s {parameter.Name} must be in {parameter.Range} (got {arguments[i]})"), i);
            }
        }

        return arguments.SequenceEqual(defaults) ? Default : new ZooLoss(this, arguments.ToArray(), build(arguments));
    }

    private void CheckCount(int count, string call)
    {
        if (count != Parameters.Count)
        {
            throw new LossNameException(Parameters.Count == 0
                ? $"{call}: {Name} takes no parameters"
                : $"{call}: {Name} takes {Parameters.Count} parameter{(Parameters.Count == 1 ? "" : "s")} "
                    + $"({string.Join(", ", Parameters.Select(p => $"{p.Name} in {p.Range}"))}), not {count}");
        }
    }
}
