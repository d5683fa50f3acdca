using System.Globalization;

namespace EvoGrains.Core.Expressions;

/// <summary>The character-level half of the parser: numbers, identifiers, punctuation and error positions.</summary>
public sealed partial class ExpressionParser
{
    private double ParseNumber()
    {
        var start = pos;
        while (!AtEnd && (char.IsDigit(text[pos]) || text[pos] == '.'))
        {
            pos++;
        }

        if (!AtEnd && (text[pos] == 'e' || text[pos] == 'E'))
        {
            var mark = pos;
            pos++;
            if (!AtEnd && (text[pos] == '+' || text[pos] == '-'))
            {
                pos++;
            }

            if (AtEnd || !char.IsDigit(text[pos]))
            {
                pos = mark;
            }
            else
            {
                while (!AtEnd && char.IsDigit(text[pos]))
                {
                    pos++;
                }
            }
        }

        var token = text[start..pos];
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            pos = start;
            throw Error($"'{token}' is not a finite number");
        }

        return value;
    }

    private string ParseIdentifier()
    {
        var start = pos;
        while (!AtEnd && (char.IsLetterOrDigit(text[pos]) || text[pos] == '_'))
        {
            pos++;
        }

        return text[start..pos];
    }

    private static bool IsNumberStart(char c) => char.IsDigit(c) || c == '.';

    private void Expect(char expected)
    {
        SkipSpace();
        if (!Accept(expected))
        {
            throw Error(AtEnd
                ? $"expected '{expected}' but found end of input"
                : $"expected '{expected}' but found '{text[pos]}'");
        }
    }

    private bool Accept(char c)
    {
        if (!AtEnd && text[pos] == c)
        {
            pos++;
            return true;
        }

        return false;
    }

    private void SkipSpace()
    {
        while (!AtEnd && char.IsWhiteSpace(text[pos]))
        {
            pos++;
        }
    }

    private ExpressionParseException Error(string message) => new(pos + 1, message);
}
