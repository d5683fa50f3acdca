namespace EvoGrains.Hosting.Configuration;

/// <summary><c>EvoGrains:Web</c>: the searches' web page and its HTTP API, served on the silo's web host.</summary>
public sealed class WebSettings
{
    /// <summary>Serve the pages (/, /searches/{id}) and the API (/api/...).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The token the control endpoints (pause, resume, cancel) require as <c>Authorization: Bearer &lt;token&gt;</c>.
    /// None (the default): the page and the API are read-only and the control endpoints answer 403.
    /// </summary>
    public string? AccessToken { get; set; }

    /// <summary>
    /// At least this many characters, so a token cannot be guessed in the requests a silo can answer.
    /// </summary>
    public const int MinimumTokenLength = 16;

    public bool ControlEnabled => !string.IsNullOrEmpty(AccessToken);
}
