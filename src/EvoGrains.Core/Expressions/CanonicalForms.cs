using System.Collections.Concurrent;

namespace EvoGrains.Core.Expressions;

/// <summary>
/// The canonical tree and its printed text of each raw tree canonicalised lately, remembered process-wide: breeding
/// produces the same raw children again and again, and canonicalising one costs far more than looking it up.
/// Thread-safe.
/// </summary>
internal static class CanonicalForms
{
    private const int Capacity = 16384;

    private static readonly ConcurrentDictionary<Expr, (Expr Tree, string Text)> Remembered = new();
    private static int count;

    public static (Expr Tree, string Text) Of(Expr raw)
    {
        if (Remembered.TryGetValue(raw, out var form))
        {
            return form;
        }

        var tree = Canonicalizer.Canonicalize(raw);
        form = (tree, InfixPrinter.Print(tree));
        if (Interlocked.Increment(ref count) > Capacity)
        {
            // Crude but cheap, as in ColumnEvaluator: the live population's children come back at once.
            Remembered.Clear();
            Interlocked.Exchange(ref count, 0);
        }

        Remembered.TryAdd(raw, form);
        return form;
    }
}
