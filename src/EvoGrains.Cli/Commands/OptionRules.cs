using System.CommandLine;
using System.Globalization;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Commands;

/// <summary>Validators shared by the commands, so bad values fail at parse time with exit 2 and one line.</summary>
public static class OptionRules
{
    /// <summary>Accepts only <paramref name="min"/>..<paramref name="max"/>.</summary>
    public static Option<int> InRange(this Option<int> option, int min, int max) =>
        option.Check(value => value < min || value > max
            ? string.Create(
                CultureInfo.InvariantCulture, $"{option.Name} must be between {min} and {max} (got {value})")
            : null);

    /// <summary>
    /// Adds a check of the option's converted value (the error it returns, or null). A value that does not
    /// convert at all (`--steps x`) is left to the parser, which reports it as one line: asking for it here
    /// would throw and end the process with a stack trace.
    /// </summary>
    public static Option<T> Check<T>(this Option<T> option, Func<T, string?> check)
    {
        option.Validators.Add(result =>
        {
            T value;
            try
            {
                value = result.GetValueOrDefault<T>();
            }
            catch (InvalidOperationException)
            {
                return;
            }

            if (check(value) is { } error)
            {
                result.AddError(error);
            }
        });
        return option;
    }

    /// <summary>
    /// Accepts what the search spec accepts at <paramref name="path"/> (one rule for specs and
    /// options), reporting it in the option's own name.
    /// </summary>
    public static Option<T> FollowsSpec<T>(this Option<T> option, string path, Func<T, EvaluationSpec> evaluation) =>
        option.Check(value =>
            SearchSpecValidator.Validate(new SearchSpec { Evaluation = evaluation(value) })
                .FirstOrDefault(e => e.StartsWith(path + ":", StringComparison.Ordinal)) is { } error
                ? option.Name + error[path.Length..]
                : null);
}
