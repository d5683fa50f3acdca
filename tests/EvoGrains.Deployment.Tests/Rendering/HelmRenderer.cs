using System.ComponentModel;
using EvoGrains.TestSupport;

namespace EvoGrains.Deployment.Tests.Rendering;

/// <summary>
/// Renders helm/evograins with helm's template engine: the Go program in HelmRender/ (text/template,
/// sprig and helm's own functions) is built once per test run into the test output folder, from the
/// Go library sources Debian's packages install (deploy/bootstrap.sh installs them), offline.
/// </summary>
internal static class HelmRenderer
{
    // Where Debian's golang-*-dev packages put their sources; GOPATH mode builds against them offline.
    private const string DebianGoPath = "/usr/share/gocode";

    private static readonly Lazy<string> Binary = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Runs the renderer on the chart with the given arguments (values files, --set, --notes...).</summary>
    public static ProcessResult Run(params string[] arguments) => RunOn(RepoPaths.Chart, arguments);

    /// <summary>Runs the renderer on the chart in <paramref name="chartDirectory"/>.</summary>
    public static ProcessResult RunOn(string chartDirectory, params string[] arguments) =>
        ChildProcess.Run(Binary.Value, [.. arguments, chartDirectory], RepoPaths.Root, timeout: TimeSpan.FromSeconds(60));

    /// <summary>Renders the chart and parses every manifest strictly; fails the test when rendering fails.</summary>
    public static RenderedChart Render(params string[] arguments)
    {
        var result = Run(arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"helm-render {string.Join(' ', arguments)} exited {result.ExitCode}: {result.StandardError}");
        }

        return RenderedChart.Parse(result.StandardOutput);
    }

    /// <summary>Renders with the chart's values merged with <c>ci/&lt;name&gt;</c>, plus further arguments.</summary>
    public static RenderedChart RenderWithCiValues(string name, params string[] arguments) =>
        Render(["-f", RepoPaths.CiValues(name), .. arguments]);

    private static string Build()
    {
        var output = Path.Combine(AppContext.BaseDirectory, "helm-render", "helm-render");
        var environment = new Dictionary<string, string>
        {
            ["GO111MODULE"] = "off",
            ["GOPATH"] = DebianGoPath,
            ["GOFLAGS"] = "",
        };
        if (Environment.GetEnvironmentVariable("HOME") is null && Environment.GetEnvironmentVariable("GOCACHE") is null)
        {
            environment["GOCACHE"] = Path.Combine(AppContext.BaseDirectory, "helm-render", "go-cache");
        }

        ProcessResult result;
        try
        {
            result = ChildProcess.Run("go", ["build", "-o", output, "."], RepoPaths.RendererSource, environment);
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException("the go toolchain is missing; run deploy/bootstrap.sh (installs golang-go and sprig)", ex);
        }

        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"go build of {RepoPaths.RendererSource} failed (run deploy/bootstrap.sh?): {result.StandardError}");
        }

        return output;
    }
}
