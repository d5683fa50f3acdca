using System.Globalization;
using System.Text.Json.Serialization;
using Orleans;

namespace EvoGrains.Core.Search;

/// <summary>
/// One transfer setting of the final stage (METHODS.md §9, NLFS's final tests): the test table's arms retrained in a
/// setting the search never saw. Every field left out takes the value of the final stage's test evaluation (the spec's
/// evaluation with <c>finalStage.steps</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("evograins.transfer-spec")]
public sealed record TransferSpec
{
    [Id(0)] internal readonly string? name;

    /// <summary>
    /// The setting's name in the report; left out: its differences from the test evaluation ("resnet9, 300 steps").
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get => name; init => name = value; }

    [Id(1)] internal readonly string? model;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Model { get => model; init => model = value; }

    [Id(2)] internal readonly int? trainSubset;

    /// <summary>Training images; 0 means the whole training split.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? TrainSubset { get => trainSubset; init => trainSubset = value; }

    [Id(3)] internal readonly double? labelNoise;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? LabelNoise { get => labelNoise; init => labelNoise = value; }

    [Id(4)] internal readonly int? steps;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Steps { get => steps; init => steps = value; }

    [Id(5)] internal readonly int? batchSize;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? BatchSize { get => batchSize; init => batchSize = value; }

    [Id(6)] internal readonly double? learningRate;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? LearningRate { get => learningRate; init => learningRate = value; }

    [Id(7)] internal readonly string? augment;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Augment { get => augment; init => augment = value; }

    /// <summary>Whether the setting overrides any training field (a name alone changes nothing).</summary>
    [JsonIgnore]
    public bool SetsAnything =>
        Model is not null || TrainSubset is not null || LabelNoise is not null || Steps is not null
        || BatchSize is not null || LearningRate is not null || Augment is not null;

    /// <summary>
    /// <paramref name="evaluation"/> with this setting's overrides (a built-in model in place of a TorchScript file
    /// drops the file).
    /// </summary>
    public EvaluationSpec Apply(EvaluationSpec evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var ownModel = Model is null || Model == evaluation.Model;
        return evaluation with
        {
            Model = Model ?? evaluation.Model,
            ModelPath = ownModel ? evaluation.ModelPath : "",
            Pretrained = ownModel && evaluation.Pretrained,
            TrainSubset = TrainSubset ?? evaluation.TrainSubset,
            LabelNoise = LabelNoise ?? evaluation.LabelNoise,
            Steps = Steps ?? evaluation.Steps,
            BatchSize = BatchSize ?? evaluation.BatchSize,
            LearningRate = LearningRate ?? evaluation.LearningRate,
            Augment = Augment ?? evaluation.Augment,
        };
    }

    /// <summary>
    /// The setting's name: <see cref="Name"/>, or its differences from <paramref name="test"/> in short ("resnet9, 300
    /// steps").
    /// </summary>
    public string Label(EvaluationSpec test) =>
        Name ?? (Changes(test) is { Count: > 0 } changes
            ? string.Join(", ", changes.Select(c => c.Short))
            : "as the test table");

    /// <summary>
    /// One line: how this setting trains differently from <paramref name="test"/>, the test table's evaluation.
    /// </summary>
    public string Differences(EvaluationSpec test)
    {
        var changes = Changes(test);
        return changes.Count == 0
            ? "nothing differs from the test table's training"
            : string.Join("; ", changes.Select(c => c.Long));
    }

    private List<(string Short, string Long)> Changes(EvaluationSpec test)
    {
        var to = Apply(test);
        var changes = new List<(string Short, string Long)>();
        if (to.Model != test.Model)
        {
            changes.Add((to.Model, $"model {to.Model} instead of {test.Model}"));
        }

        if (to.TrainSubset != test.TrainSubset)
        {
            changes.Add((
                Images(to.TrainSubset, true),
                $"{Images(to.TrainSubset, false)} instead of {Images(test.TrainSubset, false)}"));
        }

        if (to.LabelNoise != test.LabelNoise)
        {
            changes.Add((
                Invariant($"label noise {to.LabelNoise:0.###}"),
                Invariant($"label noise {to.LabelNoise:0.###} instead of {test.LabelNoise:0.###}")));
        }

        if (to.Steps != test.Steps)
        {
            changes.Add((Invariant($"{to.Steps} steps"), Invariant($"{to.Steps} steps instead of {test.Steps}")));
        }

        if (to.BatchSize != test.BatchSize)
        {
            changes.Add((
                Invariant($"batch {to.BatchSize}"),
                Invariant($"batch {to.BatchSize} instead of {test.BatchSize}")));
        }

        if (to.LearningRate != test.LearningRate)
        {
            changes.Add((
                Invariant($"lr {to.LearningRate:G4}"),
                Invariant($"learning rate {to.LearningRate:G4} instead of {test.LearningRate:G4}")));
        }

        if (to.Augment != test.Augment)
        {
            changes.Add((to.Augment, $"augmentation {to.Augment} instead of {test.Augment}"));
        }

        return changes;
    }

    private static string Images(int subset, bool brief) =>
        subset > 0 ? Invariant($"{subset} training images") : brief ? "full training set" : "the full training set";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
