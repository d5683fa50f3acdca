using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using EvoGrains.Core.Search;

namespace EvoGrains.Core.Tests.Search;

/// <summary>One field of a spec's JSON tree: its path as error messages name it, its .NET type, and how to replace its value.</summary>
internal sealed record SpecField(string Path, Type Type, Action<JsonNode?> Replace)
{
    public Type ValueType => Nullable.GetUnderlyingType(Type) ?? Type;

    /// <summary>A value rather than an object or a list.</summary>
    public bool IsValue => SearchSpecJson.Options.GetTypeInfo(Type).Kind == JsonTypeInfoKind.None;

    public bool IsNumber => ValueType == typeof(int) || ValueType == typeof(long) || ValueType == typeof(double);
}
