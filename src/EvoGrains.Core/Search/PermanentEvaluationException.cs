namespace EvoGrains.Core.Search;

/// <summary>
/// An evaluation error that fails the same way on every retry and every trainer (missing or corrupt data,
/// an invalid loss): trainers do not retry it, and the result they report is marked permanent.
/// </summary>
public class PermanentEvaluationException : Exception
{
    public PermanentEvaluationException()
    {
    }

    public PermanentEvaluationException(string message)
        : base(message)
    {
    }

    public PermanentEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
