using EvoGrains.Core.Search;

namespace EvoGrains.Cli;

/// <summary>The exit codes of every evograins command (documented in the README).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int InvalidInput = 2;
    public const int Rejected = 3;
    public const int Cancelled = 130;

    /// <summary>
    /// A search that ended Failed is a failed command (scripts that wait for a search must see it); any other end is
    /// success.
    /// </summary>
    public static int ForSearch(SearchState state) => state == SearchState.Failed ? Failure : Success;
}
