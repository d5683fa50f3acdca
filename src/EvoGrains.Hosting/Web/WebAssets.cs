using System.Collections.Frozen;
using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace EvoGrains.Hosting.Web;

/// <summary>
/// The page's files (Web/wwwroot, embedded in this assembly: our HTML, CSS and scripts, and the vendored uPlot and
/// KaTeX builds), each with its ETag and its Brotli and gzip forms worked out once, so a silo serves them without
/// touching the disk or the internet.
/// </summary>
internal sealed class WebAssets
{
    public const string ResourcePrefix = "evograins-web/";

    // The page sets no inline script: a string that slipped past the escaping still could not run.
    // KaTeX lays formulas out with style attributes, hence 'unsafe-inline' for styles only.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
        "frame-ancestors 'none'";

    private static readonly Lazy<WebAssets> Embedded = new(() => Load(typeof(WebAssets).Assembly));

    private readonly FrozenDictionary<string, Asset> assets;

    private WebAssets(FrozenDictionary<string, Asset> assets) => this.assets = assets;

    public static WebAssets Instance => Embedded.Value;

    public IEnumerable<string> Paths => assets.Keys;

    public bool Contains(string path) => assets.ContainsKey(path);

    /// <summary>Serves <paramref name="path"/> (relative to wwwroot), or 404 when there is no such file.</summary>
    public async Task ServeAsync(HttpContext context, string path)
    {
        var response = context.Response;
        if (!assets.TryGetValue(path, out var asset))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        response.Headers.ETag = asset.ETag;
        response.Headers.CacheControl = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        if (asset.ContentType.StartsWith("text/html", StringComparison.Ordinal))
        {
            response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            response.Headers["Referrer-Policy"] = "no-referrer";
        }

        if (asset.Brotli is not null)
        {
            response.Headers.Vary = HeaderNames.AcceptEncoding;
        }

        if (context.Request.Headers.IfNoneMatch.Contains(asset.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = asset.ContentType;
        var body = asset.Content;
        if (asset.Brotli is not null && JsonResponses.Encoding(context.Request) is { } encoding)
        {
            body = encoding == "br" ? asset.Brotli : asset.Gzip!;
            response.Headers.ContentEncoding = encoding;
        }

        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private static WebAssets Load(System.Reflection.Assembly assembly)
    {
        var types = new FileExtensionContentTypeProvider();
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var content = copy.ToArray();
            var path = name[ResourcePrefix.Length..].Replace('\\', '/');
            var type = types.TryGetContentType(path, out var known) ? known : "application/octet-stream";
            if (type.StartsWith("text/", StringComparison.Ordinal)
                || type is "application/javascript" or "text/javascript" or "image/svg+xml")
            {
                type = type.Contains("charset", StringComparison.Ordinal) ? type : type + "; charset=utf-8";
            }

            // Fonts (woff2) and images are compressed already.
            var compressible = type.Contains("charset", StringComparison.Ordinal);
            var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..20]}\"";
            assets[path] = new Asset(
                type, content, etag, compressible ? Compress(content, brotli: true) : null,
                compressible ? Compress(content, brotli: false) : null);
        }

        return new WebAssets(assets.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static byte[] Compress(byte[] content, bool brotli)
    {
        using var output = new MemoryStream();
        using (Stream compressor = brotli
            ? new BrotliStream(output, CompressionLevel.SmallestSize)
            : new GZipStream(output, CompressionLevel.SmallestSize))
        {
            compressor.Write(content);
        }

        return output.ToArray();
    }

    private sealed record Asset(string ContentType, byte[] Content, string ETag, byte[]? Brotli, byte[]? Gzip);
}
