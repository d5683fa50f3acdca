using EvoGrains.Training.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace EvoGrains.Training.Tests.Data;

/// <summary>The crop-flip augmentation: the crop and flip it is told, and draws that repeat for a seed.</summary>
public sealed class CropFlipTests
{
    [Fact]
    public void Offsets_four_without_a_flip_give_the_image_back_and_a_flip_mirrors_it()
    {
        using var scope = torch.NewDisposeScope();
        var images = Images();

        var same = CropFlip.Apply(images, Longs(4, 4), Longs(4, 4), Longs(0, 0));
        var mirrored = CropFlip.Apply(images, Longs(4, 4), Longs(4, 4), Longs(1, 0));

        Assert.True(same.eq(images).all().item<bool>());
        Assert.True(mirrored[0].eq(images[0].flip(2)).all().item<bool>());
        Assert.True(mirrored[1].eq(images[1]).all().item<bool>());
    }

    [Fact]
    public void The_corner_offset_shifts_the_image_by_four_with_zero_padding()
    {
        using var scope = torch.NewDisposeScope();
        var images = Images();

        // Window at (0, 0) of the padded image: 4 rows and columns of padding, then the image without its last 4.
        var corner = CropFlip.Apply(images, Longs(0, 8), Longs(0, 8), Longs(0, 1));

        Assert.True(corner[0, .., 4.., 4..].eq(images[0, .., ..^4, ..^4]).all().item<bool>());
        Assert.Equal(0, corner[0, .., ..4, ..].count_nonzero().item<long>());
        Assert.Equal(0, corner[0, .., .., ..4].count_nonzero().item<long>());
        // Window at (8, 8), flipped: the image without its first 4 rows and columns, then padding, mirrored.
        Assert.True(corner[1].flip(2)[.., ..^4, ..^4].eq(images[1, .., 4.., 4..]).all().item<bool>());
        Assert.Equal(0, corner[1, .., ^4.., ..].count_nonzero().item<long>());
        Assert.Equal(ScalarType.Byte, corner.dtype);
    }

    [Fact]
    public void Draws_repeat_for_a_seed_change_every_batch_and_differ_between_seeds()
    {
        using var scope = torch.NewDisposeScope();
        var images = torch.arange(64 * 2 * 10 * 10, ScalarType.Int64).remainder(251).to_type(ScalarType.Byte).view(64, 2, 10, 10);
        using var first = new CropFlip(7, torch.CPU);
        using var again = new CropFlip(7, torch.CPU);
        using var other = new CropFlip(8, torch.CPU);

        var a1 = first.Apply(images);
        var a2 = first.Apply(images);

        Assert.True(a1.eq(again.Apply(images)).all().item<bool>());
        Assert.True(a2.eq(again.Apply(images)).all().item<bool>());
        Assert.False(a1.eq(images).all().item<bool>());
        Assert.False(a1.eq(a2).all().item<bool>());
        Assert.False(a1.eq(other.Apply(images)).all().item<bool>());
        // About half the images flipped and the offsets spread over 0..8.
        var (rows, _, flips) = new CropFlip(7, torch.CPU).Draw(1000);
        Assert.InRange(flips.sum().item<long>(), 400, 600);
        Assert.Equal(Enumerable.Range(0, 9).Select(i => (long)i), rows.unique().Item1.data<long>().ToArray());
    }

    [Fact]
    public void A_gathered_batch_is_augmented_before_normalisation_so_padding_is_black()
    {
        var (train, test) = SyntheticImages.Generate(new SyntheticOptions(TrainCount: 200, TestCount: 10, Size: 12));
        using var data = TrainingData.Create(train, test, classes: 4, validationSize: 50, trainSubsetSize: null, splitSeed: 0, torch.CPU);
        using var scope = torch.NewDisposeScope();
        var indices = torch.arange(8, ScalarType.Int64);

        var (plain, _) = data.Train.Gather(indices);
        var (shifted, _) = data.Train.Gather(indices, images => CropFlip.Apply(images, Longs(0, 0, 0, 0, 0, 0, 0, 0), Longs(4, 4, 4, 4, 4, 4, 4, 4), Longs(0, 0, 0, 0, 0, 0, 0, 0)));
        var (black, _) = data.Train.Gather(indices, images => torch.zeros_like(images));

        Assert.True(shifted[.., .., 4.., ..].allclose(plain[.., .., ..^4, ..]));
        Assert.True(shifted[.., .., ..4, ..].allclose(black[.., .., ..4, ..]));
    }

    private static Tensor Images() =>
        torch.arange(2 * 3 * 12 * 12, ScalarType.Int64).remainder(250).add(1).to_type(ScalarType.Byte).view(2, 3, 12, 12);

    private static Tensor Longs(params long[] values) => torch.tensor(values);
}
