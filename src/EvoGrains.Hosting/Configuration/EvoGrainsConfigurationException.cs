namespace EvoGrains.Hosting.Configuration;

/// <summary>
/// Invalid EvoGrains configuration; the message names the offending key and is meant to be shown as is.
/// </summary>
public sealed class EvoGrainsConfigurationException(string message, Exception? innerException = null)
    : Exception(message, innerException);
