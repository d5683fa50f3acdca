using System.Diagnostics;
using System.Text.RegularExpressions;

namespace EvoGrains.Core.Diagnostics;

/// <summary>
/// An exception as one line for users and for recorded failures: its type and the first line of its message. libtorch's
/// messages run over many lines of native frames and say nothing a user can place; for them the line adds the native
/// function and source line they name and the first EvoGrains method on the managed stack; for a TorchScript module's
/// error, whose first line is a stock sentence, the line is the error its traceback ends with.
/// </summary>
public static partial class ErrorLine
{
    private const string TorchScriptFailure = "The following operation failed in the TorchScript interpreter.";

    public static string Of(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var lines = error.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var what = lines.Length == 0 ? "(no message)" : PyTorchPlea().Replace(lines[0], string.Empty).Trim();
        // A TorchScript module's error starts with a stock sentence and a traceback; what went wrong is its last error
        // line.
        if (what == TorchScriptFailure && lines.LastOrDefault(l => ScriptError().IsMatch(l)) is { } cause)
        {
            what = $"{cause} (in TorchScript)";
        }

        var where = new List<string>();
        if (lines.Select(l => NativeOrigin().Match(l)).FirstOrDefault(m => m.Success) is { } native)
        {
            where.Add(
                $"raised in {native.Groups["function"].Value} at {Path.GetFileName(native.Groups["file"].Value)}");
            if (OwnFrame(error) is { } frame)
            {
                where.Add($"in {frame}");
            }
        }

        return where.Count == 0
            ? $"{error.GetType().Name}: {what}"
            : $"{error.GetType().Name}: {what} ({string.Join(", ", where)})";
    }

    private static string? OwnFrame(Exception error) =>
        new StackTrace(error, fNeedFileInfo: false).GetFrames()
            .Select(f => f.GetMethod())
            .FirstOrDefault(m => m?.DeclaringType?.Namespace?.StartsWith("EvoGrains.", StringComparison.Ordinal) == true
                && !m.DeclaringType.Name.StartsWith('<'))
            is { } method
            ? $"{method.DeclaringType!.Name}.{method.Name}"
            : null;

    [GeneratedRegex(@"^[A-Za-z]*(Error|Exception): ")]
    private static partial Regex ScriptError();

    [GeneratedRegex(@"\s*\(Could this error message be improved\?[^)]*\)")]
    private static partial Regex PyTorchPlea();

    [GeneratedRegex(@"^Exception raised from (?<function>\S+) at (?<file>[^ ]+?)(?: \(most recent call first\))?:?$")]
    private static partial Regex NativeOrigin();
}
