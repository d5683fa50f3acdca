namespace EvoGrains.FaultInjection.Tests;

/// <summary>A scenario precondition that failed (not a transient call failure to retry).</summary>
internal sealed class ScenarioException(string message) : Exception(message);
