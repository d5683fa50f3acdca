namespace EvoGrains.Core.Expressions;

/// <summary>How the element-wise terms of one sample are combined over the classes.</summary>
public enum ClassReduction
{
    Sum,
    Mean,
}
