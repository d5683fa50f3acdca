using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvoGrains.Core.Json;

/// <summary>Writes a duration as its number of seconds (JSON numbers are never strings) and reads it back.</summary>
public sealed class TimeSpanAsSecondsConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TimeSpan.FromSeconds(reader.GetDouble());

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.TotalSeconds);
}
