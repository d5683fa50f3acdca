namespace EvoGrains.Core.Expressions;

/// <summary>
/// Columns that evaluations compute without remembering them, reused after a reset. <see cref="Keep"/> hands them to
/// the evaluators that computed them, for a candidate that turns out worth remembering. One owner at a time: not
/// thread-safe.
/// </summary>
public sealed class ColumnScratch(int length)
{
    // A long user-written loss may need thousands of columns once; keep no more than the largest bred tree needs.
    private const int Kept = 2 * 64;

    private readonly List<Slot> slots = [];
    private int used;

    public int Length => length;

    /// <summary>Makes every column free again; columns handed out before are overwritten by later use.</summary>
    public void Reset()
    {
        used = 0;
        if (slots.Count > Kept)
        {
            slots.RemoveRange(Kept, slots.Count - Kept);
        }
    }

    /// <summary>Gives every column computed since the last reset to its evaluator to remember, then resets.</summary>
    public void Keep()
    {
        for (var i = 0; i < used; i++)
        {
            var slot = slots[i];
            slot.Owner!.Remember(slot.Node!, slot.Y, slot.Column!);
            slots[i] = default;
        }

        Reset();
    }

    internal double[] Next(ColumnEvaluator owner, Expr node, double y)
    {
        if (used == slots.Count)
        {
            slots.Add(default);
        }

        var column = slots[used].Column ?? new double[length];
        slots[used++] = new Slot(owner, node, y, column);
        return column;
    }

    private readonly record struct Slot(ColumnEvaluator? Owner, Expr? Node, double Y, double[]? Column);
}
