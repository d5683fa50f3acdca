namespace EvoGrains.Core.Search.Registries;

/// <summary>
/// The one list of training-batch augmentations a spec can name (<c>evaluation.augment</c>,
/// <c>finalStage.transfer[i].augment</c>), read by the spec validator, the CLI's help and Training's batches.
/// </summary>
public static class AugmentRegistry
{
    public const string None = "none";

    /// <summary>
    /// A random crop of the image zero-padded by <see cref="CropPadding"/> pixels, and a horizontal flip with
    /// probability 1/2, per example.
    /// </summary>
    public const string CropFlip = "crop-flip";

    public const int CropPadding = 4;

    public static IReadOnlyList<string> Names { get; } = [None, CropFlip];

    /// <summary>The augmentations with their descriptions, "name (description); ..." (option help).</summary>
    public static string Help { get; } =
        $"{None} (the images as they are); {CropFlip} (per training image: a random crop of the image zero-padded "
        + $"by {CropPadding} pixels, and a horizontal flip with probability 1/2)";
}
