namespace EvoGrains.Core.Search.Registries;

/// <summary>
/// The one list of optimizers a spec can name (<c>evaluation.optimizer</c>), read by the spec validator, the CLI's
/// help, the docs test and Training's <c>OptimizerFactory</c> (which has one builder per entry).
/// </summary>
public static class OptimizerRegistry
{
    /// <summary>The default optimizer's name (a constant, for default parameter values).</summary>
    public const string AdamName = "adam";

    public static OptimizerDescriptor Adam { get; } = new()
    {
        Name = AdamName,
        Description = "Adam with PyTorch's betas 0.9 and 0.999",
    };

    public static OptimizerDescriptor Sgd { get; } = new()
    {
        Name = "sgd",
        Description = "SGD with momentum 0.9, not Nesterov",
    };

    /// <summary>Every optimizer, in the order help and docs list them.</summary>
    public static IReadOnlyList<OptimizerDescriptor> All { get; } = [Adam, Sgd];

    private static readonly Registry<OptimizerDescriptor> Entries = new("optimizer", All);

    public static IReadOnlyList<string> Names => Entries.Names;

    /// <summary>Every optimizer with its description, "name (description); ..." (option help).</summary>
    public static string Help => Entries.Help;

    /// <summary>The optimizer named <paramref name="name"/> (exactly, as specs spell it), or null.</summary>
    public static OptimizerDescriptor? Find(string name) => Entries.Find(name);

    /// <summary>The optimizer named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No optimizer has that name.</exception>
    public static OptimizerDescriptor Get(string name) => Entries.Get(name);
}
