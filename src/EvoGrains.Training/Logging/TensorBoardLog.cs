using TorchSharp;
using TorchSharp.Modules;

namespace EvoGrains.Training.Logging;

/// <summary>
/// Scalars for TensorBoard (`tensorboard --logdir &lt;folder&gt;`), written with TorchSharp's
/// <c>torch.utils.tensorboard.SummaryWriter</c> as event files in one folder.
/// </summary>
public sealed class TensorBoardLog
{
    private const string EventFilePattern = "events.out.tfevents.*";

    private readonly SummaryWriter writer;

    private TensorBoardLog(string folder) => writer = torch.utils.tensorboard.SummaryWriter(folder);

    /// <summary>
    /// Starts the log of <paramref name="folder"/> afresh: event files already there are deleted, so writing a run
    /// twice does not show it twice.
    /// </summary>
    public static TensorBoardLog Replace(string folder)
    {
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, EventFilePattern))
            {
                File.Delete(file);
            }
        }

        return new TensorBoardLog(folder);
    }

    public string Folder => writer.LogDir;

    /// <summary>
    /// One point of the series <paramref name="tag"/>; undefined values (NaN, infinities) are left out.
    /// </summary>
    public void Scalar(string tag, double value, long step, DateTimeOffset at)
    {
        if (!double.IsFinite(value))
        {
            return;
        }

        // TensorBoard reads the wall time as seconds since 1970 (the writer's own default is .NET ticks).
        writer.add_scalar(tag, (float)value, checked((int)step), at.ToUnixTimeSeconds());
    }
}
