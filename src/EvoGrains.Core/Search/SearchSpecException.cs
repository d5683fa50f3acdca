namespace EvoGrains.Core.Search;

/// <summary>A spec that cannot be used; the message names the file, the field path and the reason.</summary>
public sealed class SearchSpecException(string message) : Exception(message);
