namespace EvoGrains.Core.Expressions;

/// <summary>
/// Losses whose denominator sums over the classes, so no element-wise term t(y, p, z) can write them
/// (Ma et al., ICML 2020; Ye et al., NeurIPS 2023). Each has one double-precision implementation
/// (<see cref="NormalizedTerm"/>) and one TorchSharp implementation (EvoGrains.Training).
/// </summary>
public enum NormalizedLoss
{
    /// <summary>Normalised CE: <c>-log p_y / Σ_k(-log p_k)</c>, with the exact log-softmax.</summary>
    Nce,

    /// <summary>
    /// Normalised negative CE: <c>1 - (A + log p_y) / Σ_k(A + log p_k)</c>, A = -log(1e-7), with p clamped to at
    /// least 1e-7 as the paper's code does (so each A + log p_k = max(0, A + log p_k)).
    /// </summary>
    Nnce,
}
