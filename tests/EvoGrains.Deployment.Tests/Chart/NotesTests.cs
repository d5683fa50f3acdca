using EvoGrains.Deployment.Tests.Rendering;

namespace EvoGrains.Deployment.Tests.Chart;

/// <summary>The rendered NOTES.txt tells how to reach the cluster with the release's real names and ports.</summary>
public sealed class NotesTests
{
    [Fact]
    public void Notes_tell_how_to_submit_a_search()
    {
        var notes = HelmRenderer.Render("--notes", "--release", "evo", "--namespace", "research").Notes;

        Assert.NotNull(notes);
        Assert.Contains("kubectl --namespace research port-forward svc/evo-evograins-gateway 30000:30000", notes, StringComparison.Ordinal);
        Assert.Contains("evograins submit --spec specs/fashion-mnist.json --gateway 127.0.0.1:30000 --cluster-id evograins", notes, StringComparison.Ordinal);
        Assert.Contains("EVOGRAINS_REDIS=evo-evograins-redis:6379,password=$REDIS_PASSWORD", notes, StringComparison.Ordinal);
        Assert.Contains("--labels=evograins.io/client=true", notes, StringComparison.Ordinal);
        Assert.Contains("port-forward svc/evo-evograins-dashboard 8080:8080", notes, StringComparison.Ordinal);
        Assert.DoesNotContain("WARNING", notes, StringComparison.Ordinal);
    }

    [Fact]
    public void Notes_warn_when_no_silo_can_host_trainers()
    {
        var notes = HelmRenderer.Render("--notes", "--set", "gpuSilo.enabled=false").Notes;

        Assert.Contains("WARNING: gpuSilo.enabled=false and orleans.allowCpuTrainers=false: no silo can host trainer grains.", notes, StringComparison.Ordinal);
    }
}
