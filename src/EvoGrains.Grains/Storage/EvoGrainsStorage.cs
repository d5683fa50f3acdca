namespace EvoGrains.Grains.Storage;

/// <summary>
/// The single grain storage provider name every EvoGrains grain persists through, so the
/// backend (memory, file, Redis, Azure Blob) is a deployment choice and never a code change.
/// </summary>
public static class EvoGrainsStorage
{
    public const string ProviderName = "evograins";
}
