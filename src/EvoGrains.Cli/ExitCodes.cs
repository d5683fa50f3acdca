namespace EvoGrains.Cli;

/// <summary>The exit codes of every evograins command (documented in the README).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int InvalidInput = 2;
    public const int Rejected = 3;
    public const int Cancelled = 130;
}
