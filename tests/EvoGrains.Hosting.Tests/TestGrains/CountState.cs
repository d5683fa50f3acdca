namespace EvoGrains.Hosting.Tests.TestGrains;

[GenerateSerializer]
public sealed class CountState
{
    [Id(0)]
    public int Value { get; set; }
}
