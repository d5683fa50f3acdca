namespace EvoGrains.Training.Data;

/// <summary>Shape and size of the seeded synthetic dataset used by tests and smoke runs.</summary>
public sealed record SyntheticOptions(
    int Classes = 4,
    int TrainCount = 2000,
    int TestCount = 500,
    int Channels = 1,
    int Size = 16,
    int Seed = 12345,
    double NoiseStd = 40.0);
