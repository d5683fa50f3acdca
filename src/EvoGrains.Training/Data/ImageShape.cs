namespace EvoGrains.Training.Data;

public readonly record struct ImageShape(int Channels, int Height, int Width)
{
    public int PixelsPerImage => Channels * Height * Width;
}
