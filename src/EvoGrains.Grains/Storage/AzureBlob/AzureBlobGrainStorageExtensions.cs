using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace EvoGrains.Grains.Storage.AzureBlob;

public static class AzureBlobGrainStorageExtensions
{
    public static ISiloBuilder AddAzureBlobGrainStorage(this ISiloBuilder builder, string name, Action<AzureBlobGrainStorageOptions> configure)
    {
        builder.Services.AddAzureBlobGrainStorage(name, configure);
        return builder;
    }

    public static IServiceCollection AddAzureBlobGrainStorage(this IServiceCollection services, string name, Action<AzureBlobGrainStorageOptions> configure)
    {
        services.AddOptions<AzureBlobGrainStorageOptions>(name).Configure(configure);
        services.AddTransient<IPostConfigureOptions<AzureBlobGrainStorageOptions>, DefaultStorageProviderSerializerOptionsConfigurator<AzureBlobGrainStorageOptions>>();
        services.AddTransient<IConfigurationValidator>(sp =>
            new AzureBlobGrainStorageOptionsValidator(sp.GetRequiredService<IOptionsMonitor<AzureBlobGrainStorageOptions>>().Get(name), name));
        return services.AddGrainStorage(name, static (sp, providerName) =>
            ActivatorUtilities.CreateInstance<AzureBlobGrainStorage>(
                sp, providerName, sp.GetRequiredService<IOptionsMonitor<AzureBlobGrainStorageOptions>>().Get(providerName)));
    }
}
