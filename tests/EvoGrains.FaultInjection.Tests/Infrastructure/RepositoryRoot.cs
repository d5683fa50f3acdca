namespace EvoGrains.FaultInjection.Tests.Infrastructure;

/// <summary>The checkout the tests run from (the folder holding EvoGrains.sln).</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "EvoGrains.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"EvoGrains.sln not found above {AppContext.BaseDirectory}.");
    }
}
