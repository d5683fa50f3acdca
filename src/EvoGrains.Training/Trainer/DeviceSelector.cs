using TorchSharp;
using static TorchSharp.torch;

namespace EvoGrains.Training.Trainer;

public static class DeviceSelector
{
    public static Device Select(DevicePreference preference = DevicePreference.Auto) => preference switch
    {
        DevicePreference.Cpu => CPU,
        DevicePreference.Cuda => cuda.is_available()
            ? CUDA
            : throw new InvalidOperationException("CUDA was requested but torch.cuda.is_available() is false."),
        DevicePreference.Auto => cuda.is_available() ? CUDA : CPU,
        _ => throw new ArgumentOutOfRangeException(nameof(preference), preference, "Unknown device preference."),
    };

    /// <summary>"cpu" or "cuda": the name results and reports carry.</summary>
    public static string Name(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return device.type.ToString().ToLowerInvariant();
    }
}
