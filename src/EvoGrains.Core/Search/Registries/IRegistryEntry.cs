namespace EvoGrains.Core.Search.Registries;

/// <summary>What every registry entry has: the name specs and options spell, and one line for help and docs.</summary>
public interface IRegistryEntry
{
    string Name { get; }

    string Description { get; }
}
