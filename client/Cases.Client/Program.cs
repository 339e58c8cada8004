using Cases.Client;

return await CliApp.RunAsync(args, CliConsole.Create()).ConfigureAwait(false);
