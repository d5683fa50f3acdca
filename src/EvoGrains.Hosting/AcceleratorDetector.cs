using EvoGrains.Grains.Placement;
using EvoGrains.Hosting.Configuration;

namespace EvoGrains.Hosting;

internal static class AcceleratorDetector
{
    // The NVIDIA kernel driver exposes these when a GPU is usable from this container; probing
    // them keeps start-up free of libtorch/CUDA initialisation.
    private const string NvidiaControlDevice = "/dev/nvidiactl";
    private const string NvidiaDriverGpus = "/proc/driver/nvidia/gpus";

    public static Accelerator Resolve(AcceleratorMode mode) => mode switch
    {
        AcceleratorMode.Gpu => Accelerator.Gpu,
        AcceleratorMode.Cpu => Accelerator.Cpu,
        _ => HasNvidiaGpu() ? Accelerator.Gpu : Accelerator.Cpu,
    };

    private static bool HasNvidiaGpu() =>
        File.Exists(NvidiaControlDevice)
        || (Directory.Exists(NvidiaDriverGpus) && Directory.EnumerateFileSystemEntries(NvidiaDriverGpus).Any());
}
