using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using EvoGrains.Core.Search;

namespace EvoGrains.Core.Tests.Search;

/// <summary>
/// Walks a spec's JSON tree along the serializer's own contract of the spec types (<see cref="SearchSpecJson.Options"/>):
/// every property a spec file can set, every list element, at any depth. Nothing is listed by hand, so a field added to a
/// spec type is walked as soon as it exists, and <see cref="Missing"/> says which ones a tree leaves out.
/// </summary>
internal static class SpecFieldWalk
{
    /// <summary>Every field under <paramref name="root"/> (a <see cref="SearchSpec"/>), parents before children.</summary>
    public static IReadOnlyList<SpecField> Fields(JsonNode root) => Walk(root).Fields;

    /// <summary>The paths of properties the contract has and the tree leaves out.</summary>
    public static IReadOnlyList<string> Missing(JsonNode root) => Walk(root).Missing;

    /// <summary><paramref name="json"/> with the field at <paramref name="path"/> replaced by the JSON <paramref name="value"/>.</summary>
    public static string With(string json, string path, string value)
    {
        var root = JsonNode.Parse(json)!;
        Fields(root).Single(f => f.Path == path).Replace(JsonNode.Parse(value));
        return root.ToJsonString();
    }

    private static (List<SpecField> Fields, List<string> Missing) Walk(JsonNode root)
    {
        var found = (Fields: new List<SpecField>(), Missing: new List<string>());
        Walk(root, typeof(SearchSpec), "", found);
        return found;
    }

    private static void Walk(JsonNode? node, Type type, string path, (List<SpecField> Fields, List<string> Missing) found)
    {
        var contract = SearchSpecJson.Options.GetTypeInfo(type);
        if (contract.Kind == JsonTypeInfoKind.Object && node is JsonObject obj)
        {
            // Read-only properties (computed ones) are written but never read: a spec file cannot set them.
            foreach (var property in contract.Properties.Where(p => p.Set is not null))
            {
                var name = property.Name;
                var at = path.Length == 0 ? name : $"{path}.{name}";
                if (!obj.TryGetPropertyValue(name, out var child))
                {
                    found.Missing.Add(at);
                    continue;
                }

                found.Fields.Add(new SpecField(at, property.PropertyType, value => obj[name] = value));
                Walk(child, property.PropertyType, at, found);
            }
        }
        else if (contract.Kind == JsonTypeInfoKind.Enumerable && node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                var index = i;
                var at = $"{path}[{i}]";
                found.Fields.Add(new SpecField(at, contract.ElementType!, value => array[index] = value));
                Walk(array[i], contract.ElementType!, at, found);
            }
        }
    }
}
