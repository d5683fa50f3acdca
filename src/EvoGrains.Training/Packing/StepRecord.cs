using static TorchSharp.torch;

namespace EvoGrains.Training.Packing;

/// <summary>
/// Device values of one step waiting for the next read-back: member losses, or member parameter norms.
/// </summary>
/// <param name="Step">The step the values belong to.</param>
/// <param name="StepsCompleted">What a failure found here reports as steps completed.</param>
/// <param name="Members">Which member each value is.</param>
/// <param name="Values">float32 [Members.Length].</param>
/// <param name="IsNorm">Parameter norms rather than losses.</param>
internal sealed record StepRecord(int Step, int StepsCompleted, int[] Members, Tensor Values, bool IsNorm);
