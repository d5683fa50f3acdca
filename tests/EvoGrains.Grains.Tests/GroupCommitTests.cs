namespace EvoGrains.Grains.Tests;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task Every_commit_waits_for_a_write_that_began_after_it()
    {
        var changes = 0;
        var written = 0;
        var commit = new GroupCommit(
            async () =>
            {
                written = changes;
                await Task.Delay(1);
            },
            TimeSpan.FromMilliseconds(10));
        var random = new Random(7);

        // Pauses around the spacing make commits land before, at and after it ends.
        for (var i = 0; i < 150; i++)
        {
            var change = ++changes;
            await commit.CommitAsync();
            Assert.True(written >= change, $"commit {change} returned but the last write saw only change {written}");
            await Task.Delay(random.Next(0, 14));
        }
    }
}
