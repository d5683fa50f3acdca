using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Evolution;

public sealed record CellGenome(NlfsCell Cell, ClassReduction Reduction = ClassReduction.Sum) : Genome(Reduction)
{
    public override LossFunction ToLoss() => new(Cell.ToExpression(), Reduction);

    public override string Encode() =>
        $"cell|{GenomeCodec.ReductionName(Reduction)}|" +
        string.Join(";", Cell.Nodes.Select(n => n.IsBinary
            ? $"{OperatorCatalog.Info(n.Op).Name}:{n.First},{n.Second}"
            : $"{OperatorCatalog.Info(n.Op).Name}:{n.First}"));
}
