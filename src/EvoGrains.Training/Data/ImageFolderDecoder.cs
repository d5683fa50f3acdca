namespace EvoGrains.Training.Data;

/// <summary>
/// Decodes every image of a folder dataset, on all cores, into one uint8 NCHW array per split. Without an image size
/// every image must have the first one's size; without a channel count the set is grey when every file is.
/// </summary>
internal static class ImageFolderDecoder
{
    public static LoadedDataset Decode(ImageFolderListing listing, int imageSize, int channels)
    {
        var files = listing.Train.Concat(listing.Test).Select(f => f.File).ToList();
        var probes = new (int Width, int Height, bool Grey)[files.Count];
        InOrder(files.Count, i => probes[i] = ImageDecoder.Probe(files[i]));
        var shape = new ImageShape(
            channels != 0 ? channels : probes.All(p => p.Grey) ? 1 : 3,
            imageSize != 0 ? imageSize : probes[0].Height,
            imageSize != 0 ? imageSize : probes[0].Width);
        if (imageSize == 0
            && Array.FindIndex(probes, p => (p.Height, p.Width) != (shape.Height, shape.Width)) is var odd and >= 0)
        {
            throw DatasetException.ForFile(
                files[odd],
                $"{probes[odd].Width}x{probes[odd].Height} pixels, but {files[0]} is "
                + $"{shape.Width}x{shape.Height}; set evaluation.imageSize to resize every image to one size");
        }

        var size = shape.PixelsPerImage;
        var pixels = new byte[(long)files.Count * size];
        InOrder(files.Count, i => ImageDecoder.Decode(files[i], shape, pixels.AsSpan((int)((long)i * size), size)));
        var trainCount = listing.Train.Count;
        return new LoadedDataset(
            new LabelledImages(pixels[..(trainCount * size)], [.. listing.Train.Select(f => f.Label)], shape),
            new LabelledImages(pixels[(trainCount * size)..], [.. listing.Test.Select(f => f.Label)], shape),
            listing.ClassNames);
    }

    /// <summary>
    /// Runs <paramref name="action"/> for 0..count-1 in parallel; of several failures, the lowest index's is thrown.
    /// </summary>
    private static void InOrder(int count, Action<int> action)
    {
        var errors = new Exception?[count];
        Parallel.For(0, count, i =>
        {
            try
            {
                action(i);
            }
            catch (DatasetException error)
            {
                errors[i] = error;
            }
        });
        if (errors.FirstOrDefault(e => e is not null) is { } first)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
        }
    }
}
