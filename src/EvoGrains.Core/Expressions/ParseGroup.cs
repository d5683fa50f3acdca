namespace EvoGrains.Core.Expressions;

/// <summary>
/// One open group while <see cref="ExpressionParser"/> reads: the whole text, a parenthesis or a
/// function call, with its sum and product so far and the signs waiting for the next operand.
/// </summary>
internal sealed class ParseGroup(bool isWholeText, Op? function)
{
    private Expr? sum;
    private Op sumOp;
    private Expr? product;
    private Op productOp;

    public bool IsWholeText { get; } = isWholeText;

    /// <summary>The function being called; null for parentheses and the whole text.</summary>
    public Op? Function { get; } = function;

    /// <summary>A binary function's first argument, once its comma is read.</summary>
    public Expr? FirstArgument { get; set; }

    public int Signs { get; set; }

    /// <summary>Applies the signs read before the operand (after its power: "-p^2" is -(p^2)).</summary>
    public Expr TakeSigns(Expr operand, ExpressionParser parser)
    {
        for (; Signs > 0; Signs--)
        {
            operand = parser.Unary(Op.Neg, operand);
        }

        return operand;
    }

    /// <summary>An operand followed by an operator: products bind tighter, both associate to the left.</summary>
    public void Add(Op op, Expr operand, ExpressionParser parser)
    {
        var term = product is null ? operand : parser.Binary(productOp, product, operand);
        if (op is Op.Mul or Op.Div)
        {
            (product, productOp) = (term, op);
            return;
        }

        product = null;
        sum = sum is null ? term : parser.Binary(sumOp, sum, term);
        sumOp = op;
    }

    /// <summary>The group's value, given its last operand; the group is then empty again.</summary>
    public Expr Finish(Expr operand, ExpressionParser parser)
    {
        var term = product is null ? operand : parser.Binary(productOp, product, operand);
        var value = sum is null ? term : parser.Binary(sumOp, sum, term);
        (sum, product) = (null, null);
        return value;
    }
}
