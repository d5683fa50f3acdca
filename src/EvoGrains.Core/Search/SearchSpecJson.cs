using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvoGrains.Core.Search;

/// <summary>Reads and writes specs as JSON: camelCase, unknown fields rejected, then validated.</summary>
public static class SearchSpecJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        NumberHandling = JsonNumberHandling.Strict,
    };

    private static JsonDocumentOptions DocumentOptions => new()
    {
        AllowTrailingCommas = Options.AllowTrailingCommas,
        CommentHandling = Options.ReadCommentHandling,
        MaxDepth = Options.MaxDepth,
    };

    /// <summary>
    /// The spec in <paramref name="json"/>, valid; anything else is a <see cref="SearchSpecException"/> naming
    /// <paramref name="source"/> and the field.
    /// </summary>
    public static SearchSpec Parse(string json, string source)
    {
        SearchSpec? spec = null;
        string? unreadable = null;
        var unknownField = false;
        try
        {
            spec = JsonSerializer.Deserialize<SearchSpec>(json, Options);
        }
        catch (JsonException error)
        {
            var path = string.IsNullOrEmpty(error.Path) ? "" : $"{error.Path.TrimStart('$', '.')}: ";
            var where = error.LineNumber is { } line ? $" (line {line + 1})" : "";
            unreadable = $"{path}{Describe(error)}{where}";
            unknownField = IsUnknownField(error);
        }

        // A null before any other reading error: it is also why a number or a flag does not read. Not before an
        // unknown field, which takes no value at all.
        var errors = unknownField ? [unreadable!]
            : Nulls(json) is { Count: > 0 } nulls ? nulls
            : unreadable is not null ? [unreadable]
            : spec is null ? ["the spec is empty (expected a JSON object)"]
            : SearchSpecValidator.Validate(spec);
        return errors.Count == 0
            ? spec!
            : throw new SearchSpecException(
                $"{source}: {errors[0]}" + (errors.Count > 1 ? $" (and {errors.Count - 1} more)" : ""));
    }

    public static SearchSpec Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new SearchSpecException($"{path}: no such spec file");
        }

        return Parse(File.ReadAllText(path), path);
    }

    public static string Write(SearchSpec spec) => JsonSerializer.Serialize(spec, Options);

    /// <summary>
    /// Every null inside the document, as "path: must not be null": no field of a spec takes null (leaving a field out
    /// gives its default). Empty when the text is no JSON at all; reading it says why.
    /// </summary>
    private static IReadOnlyList<string> Nulls(string json)
    {
        var nulls = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            AddNulls(document.RootElement, "", nulls);
        }
        catch (JsonException)
        {
            return [];
        }

        return nulls;
    }

    private static void AddNulls(JsonElement element, string path, List<string> nulls)
    {
        var children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject()
                .Select(p => (Path: path.Length == 0 ? p.Name : $"{path}.{p.Name}", p.Value)),
            JsonValueKind.Array => element.EnumerateArray().Select((item, i) => (Path: $"{path}[{i}]", Value: item)),
            _ => [],
        };
        foreach (var (at, value) in children)
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                nulls.Add($"{at}: must not be null");
            }
            else
            {
                AddNulls(value, at, nulls);
            }
        }
    }

    private static string Describe(JsonException error)
    {
        var message = error.Message;
        if (IsUnknownField(error))
        {
            var start = message.IndexOf('\'', StringComparison.Ordinal);
            var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
            return end > start ? $"unknown field '{message[(start + 1)..end]}'" : "unknown field";
        }

        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return "wrong type for this field";
        }

        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static bool IsUnknownField(JsonException error) =>
        error.Message.Contains("could not be mapped", StringComparison.Ordinal);
}
