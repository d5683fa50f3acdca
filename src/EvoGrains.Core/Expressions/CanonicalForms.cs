namespace EvoGrains.Core.Expressions;

/// <summary>
/// The canonical tree and its printed text of each raw tree canonicalised lately, remembered process-wide: breeding
/// produces the same raw children again and again, and canonicalising one costs far more than looking it up.
/// Thread-safe.
/// </summary>
internal static class CanonicalForms
{
    private static readonly ClearingCache<Expr, (Expr Tree, string Text)> Remembered = new(capacity: 16384);

    public static (Expr Tree, string Text) Of(Expr raw)
    {
        if (Remembered.TryGet(raw, out var form))
        {
            return form;
        }

        var tree = Canonicalizer.Canonicalize(raw);
        return Remembered.Add(raw, (tree, InfixPrinter.Print(tree)));
    }
}
