namespace EvoGrains.Core.Expressions;

/// <summary>Every node kind a loss expression can hold: leaves, unary and binary operators.</summary>
public enum Op : byte
{
    // Leaves.
    Y,
    P,
    Z,
    Const,

    // Unary (the 27 NLFS operators, then extras used by GLO/NGL trees).
    Neg,
    Log,
    Log10,
    Exp,
    Abs,
    Sigmoid,
    SoftRecip,
    SoftPlus,
    Erf,
    Erfc,
    Sin,
    Sinh,
    Asinh,
    Tanh,
    Atan,
    Recip,
    I0,
    I0e,
    I1,
    I1e,
    Max0,
    Min0,
    Square,
    SqrtAbs,
    SoftSign,
    Sech2,
    SigmoidDeriv,
    Cos,

    // Binary.
    Add,
    Sub,
    Mul,
    Max,
    Min,
    Div,
    Isru,
}
