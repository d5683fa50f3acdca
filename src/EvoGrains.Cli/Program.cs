using EvoGrains.Cli;

return await EvoGrainsCommandLine.RunAsync(args, CliConsole.System);
