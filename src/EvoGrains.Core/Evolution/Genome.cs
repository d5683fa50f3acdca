using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Evolution;

/// <summary>A searchable representation of a loss: an NLFS cell or a GP tree.</summary>
public abstract record Genome(ClassReduction Reduction)
{
    public abstract LossFunction ToLoss();

    /// <summary>Text form that <see cref="GenomeCodec.Decode"/> reads back (for storage and messages).</summary>
    public abstract string Encode();
}
