namespace Cases.Client.Tests;

/// <summary>One healthy silo on a socket, shared by the tests that only read its health.</summary>
public sealed class HealthySiloFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    /// <summary>The running silo.</summary>
    public RunningSilo Silo { get; private set; } = null!;

    /// <summary>Where the silo keeps its database file.</summary>
    public string DatabasePath => Path.Combine(_folder.Path, "cases.db");

    public Task InitializeAsync()
    {
        Silo = RunningSilo.Start(_folder.Path);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        try
        {
            await Silo.DisposeAsync();
        }
        finally
        {
            _folder.Dispose();
        }
    }
}
