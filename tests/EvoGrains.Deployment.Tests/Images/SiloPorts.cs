using EvoGrains.TestSupport;

namespace EvoGrains.Deployment.Tests.Images;

/// <summary>Free loopback ports for one silo: silo-to-silo, client gateway, HTTP (health).</summary>
internal sealed class SiloPorts
{
    public int Silo { get; } = FreeTcpPort.Next();

    public int Gateway { get; } = FreeTcpPort.Next();

    public int Http { get; } = FreeTcpPort.Next();
}
