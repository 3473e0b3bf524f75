using RustScope.Cli;

return await CliApplication.RunAsync(args);
