using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using EvoGrains.Core.Search;
using EvoGrains.Deployment.Tests.Rendering;

namespace EvoGrains.Deployment.Tests.Docs;

/// <summary>
/// docs/spec-reference.md stays true to the code: it documents every field a spec has, and its
/// "every default" example is exactly what the code's defaults serialise to, and a valid spec.
/// </summary>
public sealed partial class SpecReferenceTests
{
    private static readonly string Reference = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "spec-reference.md"));

    [Fact]
    public void Every_spec_field_has_a_row()
    {
        var rows = Row().Matches(Reference).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        var missing = Fields(typeof(SearchSpec), "").Where(path => !rows.Contains(path)).ToList();

        Assert.True(rows.Count > 30, "the reference's tables were not found");
        Assert.True(missing.Count == 0, "spec fields without a row in docs/spec-reference.md: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_row_is_a_spec_field()
    {
        var fields = Fields(typeof(SearchSpec), "").Concat(Sections()).ToHashSet(StringComparer.Ordinal);

        var unknown = Row().Matches(Reference).Select(m => m.Groups[1].Value).Where(row => !fields.Contains(row)).ToList();

        Assert.True(unknown.Count == 0, "rows of docs/spec-reference.md that are not spec fields: " + string.Join(", ", unknown));
    }

    [Fact]
    public void The_every_default_example_is_the_codes_defaults_and_valid()
    {
        var example = Assert.Single(JsonBlock().Matches(Reference)).Groups[1].Value;

        var parsed = SearchSpecJson.Parse(example, "docs/spec-reference.md");

        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(SearchSpecJson.Write(new SearchSpec())), JsonNode.Parse(SearchSpecJson.Write(parsed))),
            "the example differs from the defaults: " + SearchSpecJson.Write(new SearchSpec()));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(example), JsonNode.Parse(SearchSpecJson.Write(new SearchSpec()))), "the example must spell out every default");
    }

    // The JSON fields of the spec types as dotted paths (optional ones included, which the defaults do not
    // write): nested spec objects are walked into; lists and scalars are fields.
    private static IEnumerable<string> Fields(Type type, string prefix) =>
        JsonProperties(type).SelectMany(p => IsSection(p.PropertyType)
            ? Fields(p.PropertyType, prefix + Name(p) + ".")
            : [prefix + Name(p)]);

    private static IEnumerable<string> Sections() =>
        JsonProperties(typeof(SearchSpec)).Where(p => IsSection(p.PropertyType)).Select(Name);

    private static IEnumerable<PropertyInfo> JsonProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always });

    private static bool IsSection(Type type) => type.IsClass && type.Namespace == typeof(SearchSpec).Namespace;

    private static string Name(PropertyInfo property) => JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    // The first cell of a table row: | `islands.count` | ...
    [GeneratedRegex(@"(?m)^\| `([A-Za-z.]+)` \|")]
    private static partial Regex Row();

    [GeneratedRegex(@"(?s)```json\n(.*?)\n```")]
    private static partial Regex JsonBlock();
}
