using System.Collections.Immutable;
using System.Globalization;
using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Evolution;

/// <summary>
/// Reads the text form of genomes: <c>tree|sum|&lt;infix&gt;</c>, <c>cell|sum|op:a[,b];...</c> or
/// <c>taylorglo|sum|c0,c1,a2,...</c>.
/// </summary>
public static class GenomeCodec
{
    public static string ReductionName(ClassReduction reduction) => reduction == ClassReduction.Mean ? "mean" : "sum";

    public static Genome Decode(string text)
    {
        var parts = text.Split('|', 3);
        if (parts.Length != 3)
        {
            throw new FormatException($"genome '{text}' is not of the form kind|reduction|body");
        }

        var reduction = parts[1] switch
        {
            "sum" => ClassReduction.Sum,
            "mean" => ClassReduction.Mean,
            _ => throw new FormatException($"genome reduction '{parts[1]}' is not sum or mean"),
        };
        return parts[0] switch
        {
            "tree" => new TreeGenome(ExpressionParser.Parse(parts[2]), reduction),
            "cell" => new CellGenome(DecodeCell(parts[2]), reduction),
            ParameterGenome.Kind => ParameterGenome.Decode(parts[2]),
            _ => throw new FormatException($"genome kind '{parts[0]}' is not tree, cell or taylorglo"),
        };
    }

    private static NlfsCell DecodeCell(string body)
    {
        var nodes = body.Split(';').Select(DecodeNode).ToImmutableArray();
        var cell = new NlfsCell(nodes);
        var error = cell.Validate();
        return error is null ? cell : throw new FormatException($"cell '{body}': {error}");
    }

    private static NlfsNode DecodeNode(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !OperatorCatalog.TryParseName(text[..colon], out var op) || OperatorCatalog.IsLeaf(op))
        {
            throw new FormatException($"cell node '{text}' is not operator:input[,input]");
        }

        var parts = text[(colon + 1)..].Split(',');
        var inputs = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out inputs[i]))
            {
                throw new FormatException($"cell node '{text}': input '{parts[i]}' is not a node index");
            }
        }

        if (inputs.Length != OperatorCatalog.Arity(op))
        {
            throw new FormatException($"cell node '{text}' needs {OperatorCatalog.Arity(op)} inputs");
        }

        return new NlfsNode(op, inputs[0], inputs.Length > 1 ? inputs[1] : -1);
    }
}
