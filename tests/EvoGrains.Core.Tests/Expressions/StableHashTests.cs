using System.Text;
using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Tests.Expressions;

public sealed class StableHashTests
{
    [Fact]
    public void A_known_text_keeps_its_published_fnv1a_hash()
    {
        // FNV-1a 64 of "a" (the reference test vector): stored keys depend on it never changing.
        Assert.Equal(0xaf63dc4c8601ec8cUL, StableHash.Of("a"));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("mean;ls=0.1;+;1.2345E+000;0;", 7)]
    [InlineData("ü€ then 😀, a surrogate pair", 9)]
    public void A_builder_hashes_like_its_string_wherever_its_chunks_split_the_text(string text, int split)
    {
        // A builder whose first chunk holds exactly `split` characters starts a second one there (in the third case,
        // between the two halves of the surrogate pair).
        var builder = new StringBuilder(Math.Max(split, 1)).Append(text.AsSpan(0, split)).Append(text.AsSpan(split));
        var longText = new StringBuilder().Insert(0, text, 300);

        Assert.Equal(StableHash.Of(text), StableHash.Of(builder));
        Assert.Equal(StableHash.Of(longText.ToString()), StableHash.Of(longText));
    }

    [Fact]
    public void The_split_case_really_splits_a_surrogate_pair_across_two_chunks()
    {
        const string Text = "ü€ then 😀, a surrogate pair";
        var builder = new StringBuilder(9).Append(Text.AsSpan(0, 9)).Append(Text.AsSpan(9));
        var chunks = 0;
        foreach (var chunk in builder.GetChunks())
        {
            chunks++;
            Assert.True(chunks > 1 || char.IsHighSurrogate(chunk.Span[^1]));
        }

        Assert.Equal(2, chunks);
        Assert.True(char.IsHighSurrogate(Text[8]) && char.IsLowSurrogate(Text[9]));
    }
}
