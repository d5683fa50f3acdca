using System.Text;

namespace EvoGrains.Core.Expressions;

/// <summary>FNV-1a 64-bit: stable across processes, machines and .NET versions (unlike string.GetHashCode).</summary>
public static class StableHash
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    public static ulong Of(ReadOnlySpan<byte> bytes) => Add(OffsetBasis, bytes);

    /// <summary>The hash of the builder's text (the same as of its string), without making the string.</summary>
    public static ulong Of(StringBuilder text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var encoder = Encoding.UTF8.GetEncoder();
        Span<byte> bytes = stackalloc byte[1024];
        var hash = OffsetBasis;
        foreach (var chunk in text.GetChunks())
        {
            var chars = chunk.Span;
            while (!chars.IsEmpty)
            {
                // Not flushed between chunks: a surrogate pair split across two is still encoded as one character.
                encoder.Convert(chars, bytes, flush: false, out var used, out var written, out _);
                hash = Add(hash, bytes[..written]);
                chars = chars[used..];
            }
        }

        encoder.Convert([], bytes, flush: true, out _, out var last, out _);
        return Add(hash, bytes[..last]);
    }

    public static string ToHex(ulong hash) => hash.ToString("x16");

    private static ulong Add(ulong hash, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            hash ^= b;
            hash *= Prime;
        }

        return hash;
    }
}
