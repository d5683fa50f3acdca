namespace EvoGrains.Training.Data;

/// <summary>
/// The image files of a folder dataset: class names in label order, and each split's (file, label) pairs.
/// </summary>
public sealed record ImageFolderListing(
    string Root,
    IReadOnlyList<string> ClassNames,
    IReadOnlyList<(string File, byte Label)> Train,
    IReadOnlyList<(string File, byte Label)> Test);
