namespace EvoGrains.Training.Data;

/// <summary>
/// How one dataset of the registry is read (<see cref="DatasetFormats"/> holds one per dataset name).
/// </summary>
internal interface IDatasetFormat
{
    /// <summary>
    /// Both splits, checked: a missing or malformed file is a <see cref="DatasetException"/> naming it.
    /// </summary>
    LoadedDataset Load(DatasetSpec spec);
}
