using System.Globalization;

namespace EvoGrains.Abstractions;

/// <summary>
/// The key formats of the search's grains: "{search}/{i}" for islands and trainers, "{search}/{evaluation key}" for
/// individuals (a loss's one-hot fingerprint, with "@{rung}" above the first rung) and "{search}/history/{n}" for
/// history pages.
/// </summary>
public static class GrainKeys
{
    public static string Island(string searchId, int index) => Member(searchId, index);

    public static string Trainer(string searchId, int index) => Member(searchId, index);

    public static string Individual(string searchId, string evaluationKey) => $"{searchId}/{evaluationKey}";

    public static string HistoryPage(string searchId, long number) =>
        string.Create(CultureInfo.InvariantCulture, $"{searchId}/history/{number}");

    public static (string SearchId, string Local) Split(string key)
    {
        var slash = key.LastIndexOf('/');
        return slash <= 0
            ? throw new FormatException($"grain key '{key}' is not '{{search}}/{{part}}'")
            : (key[..slash], key[(slash + 1)..]);
    }

    private static string Member(string searchId, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{searchId}/{index}");
}
