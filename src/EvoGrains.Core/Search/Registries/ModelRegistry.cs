namespace EvoGrains.Core.Search.Registries;

/// <summary>
/// The one list of models a spec can name (<c>evaluation.model</c>), read by the spec validator, the CLI's help, the
/// docs test and Training's builders (<c>ModelBuilders</c>, which has one builder per entry).
/// </summary>
public static class ModelRegistry
{
    /// <summary>The default model's name (a constant, for default parameter values).</summary>
    public const string SmallCnnName = "small-cnn";

    public static ModelDescriptor SmallCnn { get; } = new()
    {
        Name = SmallCnnName,
        Description = "conv 32, pool, conv 64, pool, fc 128: cheap enough for CPU searches on 28x28",
    };

    public static ModelDescriptor ResNet9 { get; } = new()
    {
        Name = "resnet9",
        Description = "DAWNBench's ResNet-9 (NLFS's surrogate): for GPUs and 32x32 colour images",
    };

    public static ModelDescriptor Mlp { get; } = new()
    {
        Name = "mlp",
        Description = "one hidden layer of 128: the fastest, for tests",
    };

    public static ModelDescriptor TorchScript { get; } = new()
    {
        Name = "torchscript",
        Description =
            "your model: a TorchScript file (torch.jit.save) in modelPath mapping images [B, C, H, W] to logits "
            + "[B, classes]; redrawn from the seed unless pretrained",
        ReadsModelPath = true,
    };

    /// <summary>Every model, in the order help and docs list them.</summary>
    public static IReadOnlyList<ModelDescriptor> All { get; } = [SmallCnn, ResNet9, Mlp, TorchScript];

    private static readonly Registry<ModelDescriptor> Entries = new("model", All);

    public static IReadOnlyList<string> Names => Entries.Names;

    /// <summary>
    /// The models written in C# (every one but the user's file): what `train` and the benchmarks offer.
    /// </summary>
    public static IReadOnlyList<string> BuiltInNames { get; } =
        [.. All.Where(d => !d.ReadsModelPath).Select(d => d.Name)];

    /// <summary>The built-in models with their descriptions, "name (description); ..." (option help).</summary>
    public static string BuiltInHelp { get; } =
        string.Join("; ", All.Where(d => !d.ReadsModelPath).Select(d => $"{d.Name} ({d.Description})"));

    /// <summary>The model named <paramref name="name"/> (exactly, as specs spell it), or null.</summary>
    public static ModelDescriptor? Find(string name) => Entries.Find(name);

    /// <summary>The model named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No model has that name.</exception>
    public static ModelDescriptor Get(string name) => Entries.Get(name);
}
