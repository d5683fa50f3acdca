using System.Runtime.InteropServices;
using System.Text;

namespace EvoGrains.Training.Data;

/// <summary>
/// A NumPy .npz file with x_train, y_train, x_test and y_test: images uint8 or float32, [N, H, W, C] or [N, C, H, W]
/// (<see cref="DatasetSpec.ChannelsFirst"/>) or [N, H, W] for grey; labels any integer type, [N] or [N, 1]. The classes
/// are 0 to the largest training label. float32 images are mapped onto 0..255 linearly over x_train's range (the same
/// map for x_test): batches are normalised per channel anyway, so only the rounding to 256 levels is lost.
/// </summary>
internal sealed class NpzFormat : IDatasetFormat
{
    /// <summary>An optional uint8 array of the class names, UTF-8, one per line (the folder cache writes it).</summary>
    public const string ClassNamesArray = "class_names";

    private const int MaxChannels = 4;

    public LoadedDataset Load(DatasetSpec spec) =>
        FromArrays(spec.Location, NpzFile.Read(spec.Location), spec.ChannelsFirst);

    /// <summary>
    /// The dataset the arrays of <paramref name="path"/> hold, checked; errors name the file and the array.
    /// </summary>
    public static LoadedDataset FromArrays(
        string path,
        IReadOnlyDictionary<string, NpyArray> arrays,
        bool channelsFirst)
    {
        var xTrain = Require(path, arrays, "x_train");
        var xTest = Require(path, arrays, "x_test");
        var trainLabels = Labels(path, Require(path, arrays, "y_train"));
        var testLabels = Labels(path, Require(path, arrays, "y_test"));
        var shape = ShapeOf(path, xTrain, channelsFirst);
        var testShape = ShapeOf(path, xTest, channelsFirst);
        if (testShape != shape)
        {
            throw DatasetException.ForFile(
                path, $"x_test holds {Describe(testShape)} images but x_train {Describe(shape)}");
        }

        CheckCount(path, xTrain, trainLabels, "y_train");
        CheckCount(path, xTest, testLabels, "y_test");
        if (trainLabels.Length == 0 || testLabels.Length == 0)
        {
            throw DatasetException.ForFile(
                path, trainLabels.Length == 0 ? "x_train holds no images" : "x_test holds no images");
        }

        IReadOnlyList<string> names = arrays.TryGetValue(ClassNamesArray, out var stored)
            ? Encoding.UTF8.GetString(stored.Data).Split('\n')
            : LoadedDataset.Numbered(trainLabels.Max() + 1);
        if (names.Count < 2)
        {
            throw DatasetException.ForFile(path, $"y_train has {names.Count} class; a classifier needs at least 2");
        }

        CheckRange(path, "y_train", trainLabels, names.Count);
        CheckRange(path, "y_test", testLabels, names.Count);
        // x_test is mapped with x_train's range, so both splits see one map.
        var range = FloatRange(path, xTrain);
        _ = FloatRange(path, xTest);
        return new LoadedDataset(
            new LabelledImages(Pixels(xTrain, shape, channelsFirst, range), trainLabels, shape),
            new LabelledImages(Pixels(xTest, shape, channelsFirst, range), testLabels, shape),
            names);
    }

    private static NpyArray Require(string path, IReadOnlyDictionary<string, NpyArray> arrays, string name) =>
        arrays.TryGetValue(name, out var array)
            ? array
            : throw DatasetException.ForFile(path,
                $"no {name} array (found: "
                + $"{(arrays.Count == 0 ? "none" : string.Join(", ", arrays.Keys.Order(StringComparer.Ordinal)))}; "
                + "expected x_train, y_train, x_test, y_test)");

    private static ImageShape ShapeOf(string path, NpyArray images, bool channelsFirst)
    {
        if (images.Dtype is not ("|u1" or "<u1" or "<f4"))
        {
            throw DatasetException.ForFile(
                path, $"{images.Name}: images must be uint8 or float32, found dtype {images.Dtype}");
        }

        var s = images.Shape;
        if (s.Length == 3)
        {
            return new ImageShape(1, checked((int)s[1]), checked((int)s[2]));
        }

        if (s.Length != 4)
        {
            throw DatasetException.ForFile(
                path, $"{images.Name}: shape {images.ShapeText} is not [N, H, W, C], [N, C, H, W] or [N, H, W]");
        }

        var (channels, height, width) = channelsFirst ? (s[1], s[2], s[3]) : (s[3], s[1], s[2]);
        if (channels is < 1 or > MaxChannels)
        {
            var layout = channelsFirst ? "NCHW" : "NHWC";
            var other = channelsFirst ? "nhwc" : "nchw";
            throw DatasetException.ForFile(path,
                $"{images.Name}: shape {images.ShapeText} read as {layout} has {channels} channels (at most "
                + $"{MaxChannels}); is evaluation.layout \"{other}\"?");
        }

        return new ImageShape((int)channels, checked((int)height), checked((int)width));
    }

    private static byte[] Labels(string path, NpyArray labels)
    {
        if (labels.Shape is not ([_] or [_, 1]))
        {
            throw DatasetException.ForFile(
                path, $"{labels.Name}: labels must have shape (N,) or (N, 1), found {labels.ShapeText}");
        }

        var size = labels.Dtype.Length == 3 && labels.Dtype[1] is 'u' or 'i' ? labels.Dtype[2] - '0' : 0;
        if (size is not (1 or 2 or 4 or 8))
        {
            throw DatasetException.ForFile(path, $"{labels.Name}: labels must be integers, found dtype {labels.Dtype}");
        }

        var signed = labels.Dtype[1] == 'i';
        var result = new byte[labels.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var bytes = labels.Data.AsSpan(i * size, size);
            var value = size switch
            {
                1 => signed ? (sbyte)bytes[0] : bytes[0],
                2 => signed ? BitConverter.ToInt16(bytes) : BitConverter.ToUInt16(bytes),
                4 => signed ? BitConverter.ToInt32(bytes) : (long)BitConverter.ToUInt32(bytes),
                _ => signed ? BitConverter.ToInt64(bytes) : (long)Math.Min(BitConverter.ToUInt64(bytes), long.MaxValue),
            };
            if (value is < 0 or > byte.MaxValue)
            {
                throw DatasetException.ForFile(
                    path, $"{labels.Name}: label {value} at index {i} is out of range (0..255)");
            }

            result[i] = (byte)value;
        }

        return result;
    }

    private static void CheckCount(string path, NpyArray images, byte[] labels, string labelsName)
    {
        if (images.Shape[0] != labels.Length)
        {
            throw DatasetException.ForFile(
                path, $"{images.Name} holds {images.Shape[0]} images but {labelsName} {labels.Length} labels");
        }
    }

    private static void CheckRange(string path, string name, byte[] labels, int classes)
    {
        var index = Array.FindIndex(labels, l => l >= classes);
        if (index >= 0)
        {
            throw DatasetException.ForFile(path,
                $"{name}: label {labels[index]} at index {index} is out of range "
                + $"(0..{classes - 1}, the classes of y_train)");
        }
    }

    /// <summary>
    /// The smallest and largest value of float32 images, all checked finite; (0, 0) for uint8 images.
    /// </summary>
    private static (float Min, float Max) FloatRange(string path, NpyArray images)
    {
        if (images.Dtype != "<f4")
        {
            return default;
        }

        var values = MemoryMarshal.Cast<byte, float>(images.Data);
        var (min, max) = (float.PositiveInfinity, float.NegativeInfinity);
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (!float.IsFinite(v))
            {
                throw DatasetException.ForFile(path, $"{images.Name}: value {v} at flat index {i} is not finite");
            }

            (min, max) = (Math.Min(min, v), Math.Max(max, v));
        }

        return (min, max);
    }

    /// <summary>The images as uint8 NCHW (float32 values mapped from <paramref name="range"/> onto 0..255).</summary>
    private static byte[] Pixels(NpyArray images, ImageShape shape, bool channelsFirst, (float Min, float Max) range)
    {
        var bytes = images.Data;
        if (images.Dtype == "<f4")
        {
            var values = MemoryMarshal.Cast<byte, float>(images.Data);
            var scale = range.Max > range.Min ? 255.0 / (range.Max - range.Min) : 0.0;
            bytes = new byte[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                bytes[i] = (byte)Math.Clamp(Math.Round((values[i] - range.Min) * scale), 0, 255);
            }
        }

        return channelsFirst || shape.Channels == 1 ? bytes : ToChannelsFirst(bytes, shape);
    }

    private static byte[] ToChannelsFirst(byte[] pixels, ImageShape shape)
    {
        var plane = shape.Height * shape.Width;
        var image = shape.PixelsPerImage;
        var result = new byte[pixels.LongLength];
        for (long n = 0; n < pixels.LongLength / image; n++)
        {
            var offset = n * image;
            for (var p = 0; p < plane; p++)
            {
                for (var c = 0; c < shape.Channels; c++)
                {
                    result[offset + (c * plane) + p] = pixels[offset + (p * shape.Channels) + c];
                }
            }
        }

        return result;
    }

    private static string Describe(ImageShape shape) => $"{shape.Channels}x{shape.Height}x{shape.Width}";
}
