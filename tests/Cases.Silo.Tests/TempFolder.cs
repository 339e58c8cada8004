namespace Cases.Silo.Tests;

/// <summary>A fresh folder under the system temp directory, deleted with everything in it on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    /// <summary>Creates the folder.</summary>
    public TempFolder() => Directory.CreateDirectory(Path);

    /// <summary>The folder's full path.</summary>
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cases-silo-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
