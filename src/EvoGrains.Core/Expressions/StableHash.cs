using System.Text;

namespace EvoGrains.Core.Expressions;

/// <summary>FNV-1a 64-bit: stable across processes, machines and .NET versions (unlike string.GetHashCode).</summary>
public static class StableHash
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    public static ulong Of(ReadOnlySpan<byte> bytes)
    {
        var hash = OffsetBasis;
        foreach (var b in bytes)
        {
            hash ^= b;
            hash *= Prime;
        }

        return hash;
    }

    public static string ToHex(ulong hash) => hash.ToString("x16");
}
