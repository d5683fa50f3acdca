using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace EvoGrains.Grains.Storage.FileSystem;

public static class FileGrainStorageExtensions
{
    public static ISiloBuilder AddFileGrainStorage(
        this ISiloBuilder builder,
        string name,
        Action<FileGrainStorageOptions> configure)
    {
        builder.Services.AddFileGrainStorage(name, configure);
        return builder;
    }

    public static IServiceCollection AddFileGrainStorage(
        this IServiceCollection services,
        string name,
        Action<FileGrainStorageOptions> configure)
    {
        services.AddOptions<FileGrainStorageOptions>(name).Configure(configure);
        services.AddTransient<
            IPostConfigureOptions<FileGrainStorageOptions>,
            DefaultStorageProviderSerializerOptionsConfigurator<FileGrainStorageOptions>>();
        services.AddTransient<IConfigurationValidator>(sp =>
            new FileGrainStorageOptionsValidator(
                sp.GetRequiredService<IOptionsMonitor<FileGrainStorageOptions>>().Get(name), name));
        return services.AddGrainStorage(name, static (sp, providerName) =>
            ActivatorUtilities.CreateInstance<FileGrainStorage>(
                sp, providerName, sp.GetRequiredService<IOptionsMonitor<FileGrainStorageOptions>>().Get(providerName)));
    }
}
