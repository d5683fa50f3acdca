namespace EvoGrains.Deployment.Tests.Rendering;

/// <summary>Values tests give Secrets that exist outside the chart (existingSecret), as the cluster would hold them.</summary>
internal static class SampleSecrets
{
    /// <summary>An Azure Storage connection string (Azurite's well-known account) with table and blob endpoints.</summary>
    public const string AzureConnection =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://10.0.0.9:10002/devstoreaccount1;BlobEndpoint=http://10.0.0.9:10000/devstoreaccount1;";

    public static string Azure(string name, string key) => AzureConnection;
}
