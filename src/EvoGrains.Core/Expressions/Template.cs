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
            if (template[i] == '{' && i + 2 < template.Length && template[i + 2] == '}' && template[i + 1] is '0' or '1')
            {
                text.Append(operands[template[i + 1] - '0']);
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
