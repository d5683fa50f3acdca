namespace EvoGrains.Cli.Tests.Commands;

/// <summary>Tests that set process environment variables run alone, so no other test reads them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "process environment";
}
