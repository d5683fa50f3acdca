namespace EvoGrains.FaultInjection.Tests.Infrastructure;

/// <summary>Finds the built silo next to the tests (project reference), else in its own Release/Debug output.</summary>
internal static class SiloExecutable
{
    private const string DllName = "EvoGrains.Silo.dll";

    public static string Path { get; } = Find();

    private static string Find()
    {
        var here = AppContext.BaseDirectory;
        if (File.Exists(System.IO.Path.Combine(here, "EvoGrains.Silo.runtimeconfig.json")))
        {
            return System.IO.Path.Combine(here, DllName);
        }

        var root = RepositoryRoot.Path;
        foreach (var configuration in new[] { "Release", "Debug" })
        {
            var candidate = System.IO.Path.Combine(root, "src", "EvoGrains.Silo", "bin", configuration, "net10.0", DllName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"{DllName} with its runtimeconfig is neither next to the tests nor built; run `dotnet build src/EvoGrains.Silo -c Release`.");
    }
}
