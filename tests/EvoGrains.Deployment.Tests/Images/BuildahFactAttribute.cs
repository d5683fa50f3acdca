namespace EvoGrains.Deployment.Tests.Images;

/// <summary>
/// A fact that needs buildah and debootstrap (deploy/bootstrap.sh installs both); skipped, saying so,
/// on a machine without them.
/// </summary>
public sealed class BuildahFactAttribute : FactAttribute
{
    // debootstrap lives in /usr/sbin, which a non-root PATH may lack.
    private static readonly string[] ExtraFolders = ["/usr/sbin", "/sbin"];

    public BuildahFactAttribute()
    {
        var missing = new[] { "buildah", "debootstrap" }.Where(tool => !IsInstalled(tool)).ToList();
        if (missing.Count > 0)
        {
            Skip = $"{string.Join(" and ", missing)} not installed: deploy/bootstrap.sh installs them (the image test builds with buildah on a debootstrap base)";
        }
    }

    private static bool IsInstalled(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(ExtraFolders)
            .Any(folder => File.Exists(Path.Combine(folder, tool)));
}
