namespace EvoGrains.Hosting.Tests.TestGrains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Increment();

    Task<int> Get();
}
