using System.Diagnostics.Metrics;

namespace EvoGrains.Grains.Telemetry;

/// <summary>
/// Owner of the "EvoGrains" meter. Grains take this from DI and create their instruments on
/// <see cref="Meter"/>; the silo host exports everything published under <see cref="MeterName"/>.
/// </summary>
public sealed class EvoGrainsMetrics
{
    public const string MeterName = "EvoGrains";

    public EvoGrainsMetrics(IMeterFactory meterFactory) => Meter = meterFactory.Create(MeterName);

    public Meter Meter { get; }
}
