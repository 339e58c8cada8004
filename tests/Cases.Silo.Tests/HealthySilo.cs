namespace Cases.Silo.Tests;

/// <summary>One silo on a fresh data folder, shared by the tests that only read from it.</summary>
public sealed class HealthySilo : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public HealthySilo()
    {
        // A folder that does not exist yet: the silo must create it.
        DataDirectory = Path.Combine(_folder.Path, "data");
        Factory = SiloFactory.WithDataDirectory(DataDirectory);
    }

    /// <summary>The folder the silo was told to keep its data in.</summary>
    public string DataDirectory { get; }

    /// <summary>The running silo.</summary>
    public SiloFactory Factory { get; }

    /// <summary>A client of the running silo.</summary>
    public HttpClient Client { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Client = Factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        try
        {
            await Factory.DisposeAsync();
        }
        finally
        {
            _folder.Dispose();
        }
    }
}
