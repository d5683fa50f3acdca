namespace EvoGrains.TestSupport;

public static class TempFolder
{
    /// <summary>Deletes a test's temp folder; one left behind (a child still closing a file) is harmless.</summary>
    public static void DeleteQuietly(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
