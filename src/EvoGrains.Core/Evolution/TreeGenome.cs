using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Evolution;

public sealed record TreeGenome(Expr Tree, ClassReduction Reduction = ClassReduction.Sum) : Genome(Reduction)
{
    public override LossFunction ToLoss() => new(Tree, Reduction);

    public override string Encode() => $"tree|{GenomeCodec.ReductionName(Reduction)}|{InfixPrinter.Print(Tree)}";
}
