using System.Collections.Frozen;

namespace EvoGrains.Core.Search.Registries;

/// <summary>
/// The lookup every extension axis shares: entries by their exact name, the names in order, the help line, and the
/// one-line error for an unknown name.
/// </summary>
public sealed class Registry<TEntry>
    where TEntry : IRegistryEntry
{
    private readonly string kind;
    private readonly FrozenDictionary<string, TEntry> byName;

    /// <param name="kind">What an entry is, in error messages ("method", "dataset").</param>
    /// <param name="all">The entries in the order help and docs list them.</param>
    public Registry(string kind, IReadOnlyList<TEntry> all)
    {
        this.kind = kind;
        All = all;
        byName = all.ToFrozenDictionary(e => e.Name, StringComparer.Ordinal);
        Names = [.. all.Select(e => e.Name)];
        Help = string.Join("; ", all.Select(e => $"{e.Name} ({e.Description})"));
    }

    public IReadOnlyList<TEntry> All { get; }

    public IReadOnlyList<string> Names { get; }

    /// <summary>Every entry with its description, "name (description); ..." (option help).</summary>
    public string Help { get; }

    /// <summary>The entry named <paramref name="name"/> (exactly, as specs spell it), or null.</summary>
    public TEntry? Find(string name) => byName.GetValueOrDefault(name);

    /// <summary>The entry named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No entry has that name.</exception>
    public TEntry Get(string name) =>
        Find(name)
            ?? throw new ArgumentException($"unknown {kind} '{name}'; known: {string.Join(", ", Names)}", nameof(name));
}
