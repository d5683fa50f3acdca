using EvoGrains.Training.Trainer;

namespace EvoGrains.Training.Packing;

/// <summary>How a member ended, fixed at the step it ended; timing is added when the whole pack is done.</summary>
internal sealed record MemberOutcome(
    TrainingStatus Status,
    string? Reason,
    double Validation,
    double? Test,
    int StepsCompleted);
