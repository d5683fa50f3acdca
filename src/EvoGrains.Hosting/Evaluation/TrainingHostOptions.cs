namespace EvoGrains.Hosting.Evaluation;

/// <summary>How this silo trains: libtorch threads for the whole process (0 leaves libtorch's default).</summary>
public sealed record TrainingHostOptions(int Threads)
{
    public const string ThreadsKey = "EvoGrains:Training:Threads";
}
