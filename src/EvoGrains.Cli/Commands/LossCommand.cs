using System.CommandLine;
using System.Globalization;
using EvoGrains.Core.Analysis;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Json;
using EvoGrains.Core.Screening;
using StableHash = EvoGrains.Core.Expressions.StableHash;

namespace EvoGrains.Cli.Commands;

/// <summary>`evograins loss check|eval`: parse, screen and evaluate one loss expression.</summary>
public static class LossCommand
{
    public static Command Build(CliConsole console)
    {
        var loss = new Command(
            "loss",
            $"Parse, screen and evaluate one loss expression or zoo name ({LossZoo.Signatures}; "
            + "`loss zoo` lists them).");
        loss.Subcommands.Add(BuildCheck(console));
        loss.Subcommands.Add(BuildEval(console));
        loss.Subcommands.Add(BuildZoo(console));
        return loss;
    }

    private static Command BuildCheck(CliConsole console)
    {
        var expression = new Argument<string>("expression")
        {
            Description = "An expression in y, p, z (e.g. \"-(log(p) - y/p)\") or a zoo name (e.g. \"gce(0.5)\").",
        };
        var reduce = ReduceOption();
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var check = new Command(
            "check",
            "Canonical form, hash, screening verdict, the one-hot halves t(1,p) and t(0,p) and the nearest known "
            + "loss. Exit 0 accepted, 3 rejected, 2 invalid input.")
        {
            expression, reduce, json,
        };
        check.SetAction(parse =>
        {
            var candidate = Resolve(parse.GetValue(expression)!, parse.GetValue(reduce));
            var verdict = new ScreeningFunnel().Screen(candidate);
            var halves = verdict.Loss.OneHot;
            var nearest = KnownLossFinder.Find(verdict.Loss);
            if (parse.GetValue(json))
            {
                console.Out.WriteLine(CliJson.Serialize(new
                {
                    expression = candidate.ToString(),
                    canonical = candidate.CanonicalText,
                    hash = candidate.HashHex,
                    accepted = verdict.Accepted,
                    stage = verdict.Stage.ToString().ToLowerInvariant(),
                    reason = verdict.Reason,
                    flipped = verdict.Flipped,
                    screened = verdict.Loss.ToString(),
                    fingerprint = verdict.Accepted ? StableHash.ToHex(verdict.Fingerprint) : null,
                    halves = OneHotHalvesJson.Of(halves),
                    nearestKnownLoss = NearestKnownLossJson.Of(nearest),
                }));
            }
            else
            {
                console.Out.WriteLine($"expression   {candidate}");
                console.Out.WriteLine($"canonical    {candidate.CanonicalText}");
                console.Out.WriteLine($"hash         {candidate.HashHex}");
                console.Out.WriteLine(verdict.Accepted
                    ? $"verdict      {verdict.Reason}"
                    : $"verdict      rejected at {verdict.Stage.ToString().ToLowerInvariant()}: {verdict.Reason}");
                if (verdict.Accepted)
                {
                    if (verdict.Flipped)
                    {
                        console.Out.WriteLine($"trained as   {verdict.Loss}");
                    }

                    console.Out.WriteLine($"fingerprint  {StableHash.ToHex(verdict.Fingerprint)}");
                }

                console.Out.WriteLine($"true class   {halves.TrueClassText}");
                console.Out.WriteLine($"other class  {halves.OtherClassText}");
                if (verdict.Loss.Normalized.Count > 0)
                {
                    console.Out.WriteLine(
                        $"normalised   {NormalizedTerm.Format(verdict.Loss.Normalized)} "
                        + "(sums over the classes: in neither half)");
                }

                console.Out.WriteLine(
                    $"nearest      {nearest?.ToString() ?? "none: the gradient on the probes is zero or not finite"}");
            }

            return verdict.Accepted ? ExitCodes.Success : ExitCodes.Rejected;
        });
        return check;
    }

    private static Command BuildEval(CliConsole console)
    {
        var expression = new Argument<string>("expression")
        {
            Description = "An expression in y, p, z or a zoo name (e.g. \"nce+rce(1,1)\").",
        };
        var probabilities = new Option<string>("--p")
        {
            Description = "Softmax output of one sample, comma-separated (e.g. 0.1,0.2,0.7).",
            Required = true,
        };
        var label = new Option<int>("--label") { Description = "The true class index.", Required = true };
        var reduce = ReduceOption();
        var json = new Option<bool>("--json")
        {
            Description = "Print {\"loss\": L, \"gradLogits\": [...]} (null where not finite).",
        };
        var eval = new Command(
            "eval",
            "Loss of one sample and its gradient with respect to the logits (p = softmax(z)).")
        {
            expression, probabilities, label, reduce, json,
        };
        eval.SetAction(parse =>
        {
            var candidate = Resolve(parse.GetValue(expression)!, parse.GetValue(reduce));
            var p = ParseProbabilities(parse.GetValue(probabilities)!);
            var target = parse.GetValue(label);
            if (target < 0 || target >= p.Length)
            {
                throw new InputException(
                    $"--label {target} is out of range: there are {p.Length} classes (0..{p.Length - 1})");
            }

            var gradient = new double[p.Length];
            var value = new LossInterpreter(candidate).EvaluateProbabilities(p, target, gradient);
            if (parse.GetValue(json))
            {
                console.Out.WriteLine(CliJson.Serialize(new { loss = value, gradLogits = gradient }));
            }
            else
            {
                console.Out.WriteLine($"loss         {value.ToString("R", CultureInfo.InvariantCulture)}");
                var components = gradient.Select(g => g.ToString("R", CultureInfo.InvariantCulture));
                console.Out.WriteLine($"dL/dz        [{string.Join(", ", components)}]");
            }

            return ExitCodes.Success;
        });
        return eval;
    }

    private static Command BuildZoo(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print the families as JSON." };
        var zoo = new Command(
            "zoo",
            "The zoo's loss families: parameters with their ranges and published defaults (what a bare name "
            + "means).") { json };
        zoo.SetAction(parse =>
        {
            if (parse.GetValue(json))
            {
                console.Out.WriteLine(CliJson.Serialize(LossZoo.Families.Select(f => new
                {
                    name = f.Name,
                    signature = f.Signature,
                    description = f.Description,
                    parameters = f.Parameters.Select(p => new { name = p.Name, range = p.Range, @default = p.Default }),
                    expression = f.Default.Loss.ToString(),
                })));
            }
            else
            {
                foreach (var family in LossZoo.Families)
                {
                    var parameters = family.Parameters.Select(p => string.Create(
                        CultureInfo.InvariantCulture, $"{p.Name} in {p.Range}, default {p.Default}"));
                    console.Out.WriteLine(
                        $"{family.Signature,-22}"
                        + $"{(family.Parameters.Count == 0 ? "no parameters" : string.Join("; ", parameters))}");
                    console.Out.WriteLine($"{"",-22}{family.Description}");
                }
            }

            return ExitCodes.Success;
        });
        return zoo;
    }

    private static Option<string?> ReduceOption() => new Option<string?>("--reduce")
    {
        Description = "Reduction over classes of the element-wise term (default: the zoo loss's own, else sum).",
    }.AcceptOnlyFromAmong("sum", "mean");

    internal static LossFunction Resolve(string text, string? reduce)
    {
        var loss = LossZoo.Resolve(text);
        return reduce switch
        {
            null => loss,
            "sum" => loss with { Reduction = ClassReduction.Sum },
            _ => loss with { Reduction = ClassReduction.Mean },
        };
    }

    private static double[] ParseProbabilities(string text)
    {
        var parts = text.Split(',');
        var p = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out p[i])
                || !(p[i] > 0 && p[i] <= 1))
            {
                throw new InputException($"--p value {i + 1} ('{parts[i].Trim()}') must be a probability in (0, 1]");
            }
        }

        if (p.Length < 2)
        {
            throw new InputException("--p needs at least two class probabilities");
        }

        var sum = p.Sum();
        return Math.Abs(sum - 1) <= 1e-6 ? p : throw new InputException($"--p values sum to {sum:R}, not 1");
    }
}
