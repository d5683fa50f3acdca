namespace EvoGrains.Grains.Tests.Searching;

/// <summary>Runs only when EVOGRAINS_REACTIVATION_MEASURE names a history length (e.g. 100000): an on-demand measurement.</summary>
public sealed class ReactivationMeasurementFactAttribute : FactAttribute
{
    public ReactivationMeasurementFactAttribute()
    {
        if (SearchReactivationMeasurement.Entries is null)
        {
            Skip = "a measurement: set EVOGRAINS_REACTIVATION_MEASURE=<history entries> (e.g. 100000) to run it";
        }
    }
}
