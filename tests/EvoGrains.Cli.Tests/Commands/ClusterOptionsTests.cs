using System.CommandLine;
using EvoGrains.Cli.Commands;

namespace EvoGrains.Cli.Tests.Commands;

[Collection(EnvironmentCollection.Name)]
public sealed class ClusterOptionsTests
{
    [Fact]
    public void Environment_variables_are_the_defaults_and_options_override_them()
    {
        var options = new ClusterOptions();
        var command = new Command("probe");
        options.AddTo(command);
        var saved = (Environment.GetEnvironmentVariable("EVOGRAINS_GATEWAY"), Environment.GetEnvironmentVariable("EVOGRAINS_CLUSTER_ID"));
        try
        {
            Environment.SetEnvironmentVariable("EVOGRAINS_GATEWAY", "127.0.0.1:31234");
            Environment.SetEnvironmentVariable("EVOGRAINS_CLUSTER_ID", "blue");

            var fromEnvironment = options.Resolve(command.Parse([]));
            var explicitly = options.Resolve(command.Parse(["--gateway", "127.0.0.1:30001", "--cluster-id", "green"]));

            Assert.Equal(31234, fromEnvironment.Gateway!.Port);
            Assert.Equal("blue", fromEnvironment.ClusterId);
            Assert.Equal(30001, explicitly.Gateway!.Port);
            Assert.Equal("green", explicitly.ClusterId);
        }
        finally
        {
            Environment.SetEnvironmentVariable("EVOGRAINS_GATEWAY", saved.Item1);
            Environment.SetEnvironmentVariable("EVOGRAINS_CLUSTER_ID", saved.Item2);
        }

        Assert.Equal(30000, options.Resolve(command.Parse([])).Gateway!.Port);
        Assert.Equal("local", options.Resolve(command.Parse([])).ClusterId);
    }
}
