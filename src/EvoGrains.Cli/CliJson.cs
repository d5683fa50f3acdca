using System.Text.Json;
using EvoGrains.Core.Json;

namespace EvoGrains.Cli;

/// <summary>
/// The one JSON form of every `--json` output and JSON file the CLI writes (shapes in the README): camelCase keys,
/// enums as camelCase strings, durations as numbers of seconds, and null for numbers that are not defined or not
/// finite. It is <see cref="EvoGrainsJson"/>'s, which the silo's web API writes too.
/// </summary>
public static class CliJson
{
    public static JsonSerializerOptions Options => EvoGrainsJson.Options;

    /// <summary>The same form on one line, for streams of one object per line (NDJSON).</summary>
    public static JsonSerializerOptions LineOptions => EvoGrainsJson.LineOptions;

    public static string Serialize<T>(T value) => EvoGrainsJson.Serialize(value);

    public static string SerializeLine<T>(T value) => EvoGrainsJson.SerializeLine(value);
}
