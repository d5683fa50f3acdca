using EvoGrains.Core.Expressions;
using TorchSharp;
using static TorchSharp.torch;

namespace EvoGrains.Training.Native;

/// <summary>
/// Scalars that outlive every libtorch call they are handed to. TorchSharp keeps only the native handle of a Scalar it
/// is given, and a Scalar made on the fly (an implicit conversion from a double, or the alpha of 1 that
/// <c>Tensor.add(Tensor)</c> and the <c>+</c> operator make for every call) is garbage the moment its handle is read:
/// a collection during the call finalises it while libtorch still reads it. That failed with libtorch's "Expected
/// false to be true" check at Scalar.h, or read a wrong value. Training code therefore never writes <c>tensor + x</c>,
/// <c>tensor * 0.5</c> or <c>1 - tensor</c>: it adds through <see cref="Plus(Tensor, Tensor)"/> and friends, with
/// constants held here (static fields are never collected) or, for a value known only at run time, a Scalar in a
/// <c>using</c> variable that lives until the call has returned.
/// </summary>
internal static class HeldScalars
{
    // Integral, as TorchSharp's own alpha: an alpha must be integral for integral tensors and may be for any other.
    public static readonly Scalar One = 1L.ToScalar();

    /// <summary>The interpreter's protection constant (<see cref="OperatorCatalog.Epsilon"/>).</summary>
    public static readonly Scalar Epsilon = OperatorCatalog.Epsilon.ToScalar();

    /// <summary>a + b, with a held alpha.</summary>
    public static Tensor Plus(this Tensor a, Tensor b) => a.add(b, One);

    /// <summary>a + s for a held <paramref name="s"/>.</summary>
    public static Tensor Plus(this Tensor a, Scalar s) => a.add(s, One);

    /// <summary>In place: a += b, with a held alpha.</summary>
    public static Tensor PlusInPlace(this Tensor a, Tensor b) => a.add_(b, One);

    /// <summary>1 - a.</summary>
    public static Tensor OneMinus(this Tensor a) => a.neg().add(One, One);
}
