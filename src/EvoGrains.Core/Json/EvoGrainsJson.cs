using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvoGrains.Core.Json;

/// <summary>
/// The one JSON form of everything EvoGrains writes for people and scripts (the CLI's `--json` outputs and run-folder
/// JSON files, the silo's web API): camelCase keys, enums as camelCase strings, durations as numbers of seconds, and
/// null for numbers that are not defined (NaN fitness of a failed run, CE's p-value against itself) or not finite.
/// </summary>
public static class EvoGrainsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters =
        {
            new NonFiniteAsNullConverter(),
            new TimeSpanAsSecondsConverter(),
            new JsonStringEnumConverter(JsonNamingPolicy.CamelCase),
        },
    };

    /// <summary>
    /// The same form on one line, for streams of one object per line (NDJSON, server-sent events) and HTTP bodies.
    /// </summary>
    public static JsonSerializerOptions LineOptions { get; } = new(Options) { WriteIndented = false };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static string SerializeLine<T>(T value) => JsonSerializer.Serialize(value, LineOptions);
}
