using EvoGrains.Hosting;
using EvoGrains.Hosting.Configuration;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddEvoGrainsSilo();

    var app = builder.Build();
    app.MapEvoGrainsSiloEndpoints();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is EvoGrainsConfigurationException or OrleansConfigurationException)
{
    await Console.Error.WriteLineAsync($"evograins-silo: invalid configuration: {ex.Message}");
    return 2;
}
