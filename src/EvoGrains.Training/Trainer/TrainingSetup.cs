using EvoGrains.Training.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace EvoGrains.Training.Trainer;

/// <summary>
/// What every training run does first: validate, set the thread cap, pick the device, fetch the prepared split.
/// </summary>
internal static class TrainingSetup
{
    public static (Device Device, TrainingData Data) Prepare(
        TrainingRequest request,
        int seed,
        PreparedDataCache prepared)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        if (request.MaxThreads > 0)
        {
            torch.set_num_threads(request.MaxThreads);
        }

        var device = DeviceSelector.Select(request.Device);

        // Parameters and batches use private generators; this only covers losses that draw random numbers
        // themselves, and only while one trainer runs per process (the global generator is shared).
        torch.manual_seed(seed);
        return (device, prepared.Get(request, device));
    }
}
