using System.Text.Json.Nodes;
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
        var defaults = JsonNode.Parse(SearchSpecJson.Write(new SearchSpec()))!.AsObject();
        var rows = Row().Matches(Reference).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        var missing = Paths(defaults, "").Where(path => !rows.Contains(path)).ToList();

        Assert.True(rows.Count > 30, "the reference's tables were not found");
        Assert.True(missing.Count == 0, "spec fields without a row in docs/spec-reference.md: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_row_is_a_spec_field()
    {
        var defaults = JsonNode.Parse(SearchSpecJson.Write(new SearchSpec()))!.AsObject();
        var fields = Paths(defaults, "").Concat(defaults.Select(p => p.Key)).ToHashSet(StringComparer.Ordinal);

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

    // Leaf fields as dotted paths; objects are walked into, lists and scalars are fields.
    private static IEnumerable<string> Paths(JsonObject node, string prefix) =>
        node.SelectMany(p => p.Value is JsonObject child ? Paths(child, prefix + p.Key + ".") : [prefix + p.Key]);

    // The first cell of a table row: | `islands.count` | ...
    [GeneratedRegex(@"(?m)^\| `([A-Za-z.]+)` \|")]
    private static partial Regex Row();

    [GeneratedRegex(@"(?s)```json\n(.*?)\n```")]
    private static partial Regex JsonBlock();
}
