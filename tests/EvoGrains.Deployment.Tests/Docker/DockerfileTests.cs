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
        // The app comes from the SDK stage or, with APP_SOURCE=published, from a `dotnet publish` output in the context.
        Assert.Matches(@"(?m)^ARG APP_SOURCE=build$", text);
        Assert.Matches(@"(?m)^FROM scratch AS published\nARG PUBLISHED_APP=published\nCOPY \$\{PUBLISHED_APP\}/ /app/$", text);
        Assert.Matches(@"(?m)^FROM \$\{APP_SOURCE\} AS app$", text);
        Assert.Matches(@"(?m)^COPY --from=app /app ", text);
        Assert.DoesNotMatch(@"(?m)^COPY --from=build ", text);
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

    // What the image test verifies of the CPU image holds for the CUDA one (which cannot be built or run here)
    // in everything but the backend: the same stages, base, dataset, user, ports and entrypoint.
    [Fact]
    public void The_cuda_silo_differs_from_the_cpu_silo_only_in_the_torch_backend_and_its_gpu_settings()
    {
        var cpu = Instructions("Dockerfile.silo-cpu");
        var cuda = Instructions("Dockerfile.silo-cuda")
            .Where(line => line != "    NVIDIA_DRIVER_CAPABILITIES=compute,utility")
            .Select(line => line
                .Replace("-p:TorchBackend=cuda", "-p:TorchBackend=cpu", StringComparison.Ordinal)
                .Replace("EvoGrains__Silo__Accelerator=gpu \\", "EvoGrains__Silo__Accelerator=cpu", StringComparison.Ordinal));

        Assert.Equal(cpu, cuda);
    }

    private static List<string> Instructions(string file) =>
        File.ReadAllLines(Path.Combine(RepoPaths.Deploy, "docker", file)).Where(line => !line.StartsWith('#')).ToList();
}
