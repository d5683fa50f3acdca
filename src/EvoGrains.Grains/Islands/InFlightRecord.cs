using EvoGrains.Abstractions;

namespace EvoGrains.Grains.Islands;

/// <summary>An evaluation this island waits for; after reactivation it is asked for again.</summary>
[GenerateSerializer, Alias("evograins.in-flight-record")]
public sealed class InFlightRecord
{
    [Id(0)]
    public required CandidateTicket Ticket { get; set; }

    [Id(2)]
    public bool Shared { get; set; }

    [Id(3)]
    public int Rung { get; set; }
}
