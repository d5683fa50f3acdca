namespace EvoGrains.Grains.Tests.TestGrains;

public interface IPlacementProbeGrain : IGrainWithIntegerKey
{
    Task<SiloAddress> GetSilo();
}
