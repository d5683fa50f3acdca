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

    private static JsonSerializerOptions WireOptions { get; } = new(Options) { WriteIndented = false };

    public static SearchSpec Parse(string json, string source)
    {
        SearchSpec? spec;
        try
        {
            spec = JsonSerializer.Deserialize<SearchSpec>(json, Options);
        }
        catch (JsonException error)
        {
            var path = string.IsNullOrEmpty(error.Path) ? "" : $"{error.Path.TrimStart('$', '.')}: ";
            var where = error.LineNumber is { } line ? $" (line {line + 1})" : "";
            throw new SearchSpecException($"{source}: {path}{Describe(error)}{where}");
        }

        if (spec is null)
        {
            throw new SearchSpecException($"{source}: the spec is empty (expected a JSON object)");
        }

        var errors = SearchSpecValidator.Validate(spec);
        return errors.Count == 0 ? spec : throw new SearchSpecException($"{source}: {errors[0]}" + (errors.Count > 1 ? $" (and {errors.Count - 1} more)" : ""));
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

    /// <summary>Compact JSON of a spec or a part of it, for the wire and storage; <see cref="FromWire{T}"/> reads it back unvalidated.</summary>
    public static string ToWire<T>(T value) => JsonSerializer.Serialize(value, WireOptions);

    public static T FromWire<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, WireOptions) ?? throw new JsonException($"empty {typeof(T).Name}");

    private static string Describe(JsonException error)
    {
        var message = error.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
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
}
