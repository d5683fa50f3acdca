using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvoGrains.Cli;

/// <summary>
/// The one JSON form of every `--json` output and JSON file the CLI writes (shapes in the README):
/// camelCase keys, enums as camelCase strings, durations as numbers of seconds, and null for numbers that are not
/// defined (NaN fitness of a failed run, CE's p-value against itself) or not finite.
/// </summary>
public static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new NonFiniteAsNullConverter(), new TimeSpanAsSecondsConverter(), new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The same form on one line, for streams of one object per line (NDJSON).</summary>
    public static JsonSerializerOptions LineOptions { get; } = new(Options) { WriteIndented = false };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static string SerializeLine<T>(T value) => JsonSerializer.Serialize(value, LineOptions);
}
