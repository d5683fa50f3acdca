using EvoGrains.Core.Search;

namespace EvoGrains.Training.Data;

/// <summary>
/// A dataset file is missing or does not have the expected format; the message names the file. Retrying cannot help,
/// so it is permanent.
/// </summary>
public sealed class DatasetException : PermanentEvaluationException
{
    public DatasetException()
    {
    }

    public DatasetException(string message)
        : base(message)
    {
    }

    public DatasetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static DatasetException ForFile(string path, string problem) => new($"{path}: {problem}");

    internal static DatasetException ForFile(string path, string problem, Exception inner) =>
        new($"{path}: {problem}", inner);
}
