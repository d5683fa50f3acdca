using EvoGrains.Deployment.Tests.Rendering;

namespace EvoGrains.Deployment.Tests.Docker;

/// <summary>Static checks of deploy/docker (no docker binary here): multi-stage, non-root, secret-free images.</summary>
public sealed class DockerfileTests
{
    [Theory]
    [InlineData("Dockerfile.silo-cpu", true)]
    [InlineData("Dockerfile.silo-cuda", true)]
    [InlineData("Dockerfile.client", false)]
    public void Dockerfiles_are_multi_stage_non_root_and_secret_free(string file, bool silo)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Deploy, "docker", file));

        Assert.Matches(@"(?m)^FROM \S+ AS build$", text);
        Assert.Matches(@"(?m)^COPY --from=build ", text);
        Assert.Matches(@"(?m)^USER (?!0\b|root\b)\S+", text);
        Assert.DoesNotMatch(@"(?im)^(ENV|ARG)\b.*(password|secret|AccountKey|ConnectionString)", text);
        if (silo)
        {
            Assert.Matches(@"HEALTHCHECK[\s\S]*/health/live", text);
            Assert.Matches(@"(?m)^EXPOSE 8080 11111 30000$", text);
            Assert.Contains("ASPNETCORE_HTTP_PORTS=8080", text, StringComparison.Ordinal);
            Assert.Contains(file.EndsWith("cuda", StringComparison.Ordinal) ? "-p:TorchBackend=cuda" : "-p:TorchBackend=cpu", text, StringComparison.Ordinal);
        }
    }
}
