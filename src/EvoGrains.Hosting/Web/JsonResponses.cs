using System.IO.Compression;
using System.Text.Json;
using EvoGrains.Core.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace EvoGrains.Hosting.Web;

/// <summary>
/// The web API's bodies: one-line JSON in <see cref="EvoGrainsJson"/>'s form (camelCase, enums as strings, null for
/// undefined numbers), compressed with Brotli or gzip when the client accepts it and the body is worth it.
/// </summary>
internal static class JsonResponses
{
    public const string JsonType = "application/json; charset=utf-8";

    // Below this a compressed body saves less than its headers cost.
    private const int CompressFrom = 1024;

    public static Task WriteAsync<T>(HttpContext context, T value, int statusCode = StatusCodes.Status200OK) =>
        WriteBytesAsync(context, JsonSerializer.SerializeToUtf8Bytes(value, EvoGrainsJson.LineOptions), statusCode);

    /// <summary>A JSON text already serialized (e.g. <see cref="HallOfFameJson"/>).</summary>
    public static Task WriteTextAsync(HttpContext context, string json) =>
        WriteBytesAsync(context, System.Text.Encoding.UTF8.GetBytes(json), StatusCodes.Status200OK);

    /// <summary>One line, <c>{"error": "..."}</c>, with the status code.</summary>
    public static Task ErrorAsync(HttpContext context, int statusCode, string message) =>
        WriteAsync(context, new ApiError(message), statusCode);

    public static async Task WriteBytesAsync(HttpContext context, byte[] body, int statusCode)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = JsonType;
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        if (body.Length >= CompressFrom && Encoding(context.Request) is { } encoding)
        {
            response.Headers.ContentEncoding = encoding;
            response.Headers.Vary = HeaderNames.AcceptEncoding;
            await using var compressed = encoding == "br"
                ? (Stream)new BrotliStream(response.Body, CompressionLevel.Fastest, leaveOpen: true)
                : new GZipStream(response.Body, CompressionLevel.Fastest, leaveOpen: true);
            await compressed.WriteAsync(body, context.RequestAborted);
            return;
        }

        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>"br" or "gzip" when the request accepts it (a q of 0 refuses), else null.</summary>
    public static string? Encoding(HttpRequest request)
    {
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var accepted))
        {
            return null;
        }

        bool Accepts(string name) =>
            accepted.Any(a => a.Value.Equals(name, StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);
        return Accepts("br") ? "br" : Accepts("gzip") ? "gzip" : null;
    }

    private sealed record ApiError(string Error);
}
