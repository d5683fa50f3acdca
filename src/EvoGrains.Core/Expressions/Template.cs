using System.Text;

namespace EvoGrains.Core.Expressions;

/// <summary>Fills {0}/{1} in an operator template in one pass, so braces inside operands are left alone.</summary>
internal static class Template
{
    public static string Fill(string template, IReadOnlyList<string> operands)
    {
        var text = new StringBuilder(template.Length + operands.Sum(o => o.Length));
        for (var i = 0; i < template.Length; i++)
        {
            // "{1}" in a unary template is LaTeX (as in \frac{1}{x}), not a placeholder.
            if (template[i] == '{'
                && i + 2 < template.Length && template[i + 2] == '}' && template[i + 1] - '0' is var index
                && index >= 0 && index < operands.Count)
            {
                text.Append(operands[index]);
                i += 2;
            }
            else
            {
                text.Append(template[i]);
            }
        }

        return text.ToString();
    }
}
