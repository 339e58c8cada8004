using Cases.Client;

return await CliApp.RunAsync(args, CliConsole.Create(), error: CliConsole.CreateError()).ConfigureAwait(false);
