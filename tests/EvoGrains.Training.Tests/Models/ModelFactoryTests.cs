using EvoGrains.Training.Data;
using EvoGrains.Training.Models;
using TorchSharp;

namespace EvoGrains.Training.Tests.Models;

public sealed class ModelFactoryTests
{
    [Theory]
    [InlineData("small-cnn", 1, 28)]
    [InlineData("mlp", 1, 28)]
    [InlineData("resnet9", 3, 32)]
    public void Every_model_maps_images_to_logits(string name, int channels, int size)
    {
        using var scope = torch.NewDisposeScope();
        using var model = ModelFactory.Create(name, new ImageShape(channels, size, size), classes: 10, seed: 1, torch.CPU);

        var logits = model.forward(torch.randn(2, channels, size, size));

        Assert.Equal(new long[] { 2, 10 }, logits.shape);
    }

    [Fact]
    public void Same_seed_gives_the_same_parameters()
    {
        using var scope = torch.NewDisposeScope();
        var shape = new ImageShape(1, 28, 28);
        using var a = ModelFactory.Create("small-cnn", shape, 10, seed: 5, torch.CPU);
        using var b = ModelFactory.Create("small-cnn", shape, 10, seed: 5, torch.CPU);
        using var c = ModelFactory.Create("small-cnn", shape, 10, seed: 6, torch.CPU);

        var pa = a.parameters().ToList();
        Assert.All(pa.Zip(b.parameters()), pair => Assert.True(pair.First.eq(pair.Second).all().item<bool>()));
        Assert.False(pa[0].eq(c.parameters().First()).all().item<bool>());
    }

    [Fact]
    public void Small_cnn_macs_are_counted_per_layer()
    {
        using var model = ModelFactory.Create("small-cnn", new ImageShape(1, 28, 28), 10, 0, torch.CPU);

        // conv1 28*28*32*1*9 + conv2 14*14*64*32*9 + fc1 3136*128 + fc2 128*10
        Assert.Equal(225_792L + 3_612_672L + 401_408L + 1_280L, model.ForwardMacsPerImage);
    }

    [Fact]
    public void Resnet9_macs_follow_the_resolution_halvings()
    {
        using var model = ModelFactory.Create("resnet9", new ImageShape(3, 32, 32), 10, 0, torch.CPU);

        // prep 32*32*64*3*9, then five 75.5M-MAC stages (layer1, residual1, layer2, layer3, residual3), fc 512*10
        Assert.Equal(1_769_472L + (5 * 75_497_472L) + 5_120L, model.ForwardMacsPerImage);
    }

    [Fact]
    public void Unknown_name_is_rejected_with_the_known_names()
    {
        var ex = Assert.Throws<ArgumentException>(() => ModelFactory.Create("vgg", new ImageShape(1, 28, 28), 10, 0, torch.CPU));

        Assert.Contains("small-cnn", ex.Message, StringComparison.Ordinal);
    }
}
