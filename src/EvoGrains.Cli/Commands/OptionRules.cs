using System.CommandLine;
using System.Globalization;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Commands;

/// <summary>Validators shared by the commands, so bad values fail at parse time with exit 2 and one line.</summary>
public static class OptionRules
{
    /// <summary>Accepts only <paramref name="min"/>..<paramref name="max"/>.</summary>
    public static Option<int> InRange(this Option<int> option, int min, int max)
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < min || value > max)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be between {min} and {max} (got {value})"));
            }
        });
        return option;
    }

    /// <summary>
    /// Accepts what the search spec accepts at <paramref name="path"/> (one rule for specs and
    /// options), reporting it in the option's own name.
    /// </summary>
    public static Option<T> FollowsSpec<T>(this Option<T> option, string path, Func<T, EvaluationSpec> evaluation)
    {
        option.Validators.Add(result =>
        {
            var spec = new SearchSpec { Evaluation = evaluation(result.GetValueOrDefault<T>()) };
            if (SearchSpecValidator.Validate(spec).FirstOrDefault(e => e.StartsWith(path + ":", StringComparison.Ordinal)) is { } error)
            {
                result.AddError(option.Name + error[path.Length..]);
            }
        });
        return option;
    }
}
