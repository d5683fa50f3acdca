using EvoGrains.Training.Native;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace EvoGrains.Training.Packing;

/// <summary>
/// The layers of a pack, written over stacked parameters ([K, ...one member's shape]). Linear layers are
/// batched matmuls; convolutions are grouped (groups = K) over member-major channels [B, K*C, H, W], and
/// batch norm treats those channels one by one, which is per member by construction.
/// </summary>
internal static class PackedLayers
{
    private const double BatchNormMomentum = 0.1;
    private const double BatchNormEpsilon = 1e-5;

    /// <summary>x [K, B, in] times weight [K, out, in] (+ bias [K, out]) = [K, B, out].</summary>
    public static Tensor Linear(Tensor x, Tensor weight, Tensor? bias) =>
        bias is null ? bmm(x, weight.transpose(1, 2)) : bmm(x, weight.transpose(1, 2)).Plus(bias.unsqueeze(1));

    /// <summary>
    /// The first linear layer. A batch shared by the pack ([B, in]) becomes one wide matmul against all
    /// members' weights at once (far better GEMM shapes than K thin ones); per-member batches ([K, B, in]) use bmm.
    /// </summary>
    public static Tensor InputLinear(Tensor x, Tensor weight, Tensor? bias)
    {
        if (x.dim() == 3)
        {
            return Linear(x, weight, bias);
        }

        long members = weight.shape[0], outputs = weight.shape[1];
        var wide = F.linear(x, weight.reshape(members * outputs, weight.shape[2]), bias?.reshape(members * outputs));
        return wide.view(x.shape[0], members, outputs).transpose(0, 1);
    }

    /// <summary>
    /// 3x3 convolution, padding 1, over member-major channels. A shared input ([B, C, H, W], the first layer
    /// with common batches) is one ordinary convolution whose K*out filters are all members' filters.
    /// </summary>
    public static Tensor Conv(Tensor x, Tensor weight, Tensor? bias, bool sharedInput)
    {
        var members = weight.shape[0];
        var filters = weight.reshape(members * weight.shape[1], weight.shape[2], weight.shape[3], weight.shape[4]);
        return F.conv2d(x, filters, bias?.reshape(-1), padding: [1, 1], groups: sharedInput ? 1 : members);
    }

    /// <summary>Batch norm over member-major channels: weight and bias [K, C], running statistics [K*C].</summary>
    public static Tensor BatchNorm(
        Tensor x,
        Tensor weight,
        Tensor bias,
        Tensor runningMean,
        Tensor runningVar,
        bool training) =>
        F.batch_norm(
            x, runningMean, runningVar, weight.reshape(-1), bias.reshape(-1), training, BatchNormMomentum,
            BatchNormEpsilon);

    /// <summary>
    /// [B, K*C, ...] to [K, B, C*...]: each member's features, flattened as one model's flatten(1) would.
    /// </summary>
    public static Tensor ChannelsToMembers(Tensor x, long members) =>
        x.reshape(x.shape[0], members, -1).transpose(0, 1);

    /// <summary>Per-member images [K, B, C, H, W] to member-major channels [B, K*C, H, W].</summary>
    public static Tensor MembersToChannels(Tensor images) =>
        images.transpose(0, 1)
            .reshape(images.shape[1], images.shape[0] * images.shape[2], images.shape[3], images.shape[4]);
}
