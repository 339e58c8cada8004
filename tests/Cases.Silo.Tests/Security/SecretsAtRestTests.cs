using System.Net;
using System.Net.Http.Json;
using Cases.Silo.Tests.Api;

namespace Cases.Silo.Tests.Security;

/// <summary>The silo's secrets and databases are readable by its own user only, and its key ring is encrypted at rest.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SecretsAtRestTests : IDisposable
{
    private const UnixFileMode GroupOrOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly TempFolder _folder = new();

    private string Data => Path.Combine(_folder.Path, "data");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task TheDataFolderTheDatabaseAndTheKeysAreOwnerOnly()
    {
        await using (var silo = SiloFactory.WithDataDirectory(Data, ("Cases:Auth:DevMode", "false")))
        {
            var created = await silo.CreateClient().PostAsJsonAsync("/applicants", Profiles.Eligible(AuditSteps.NewId("P")));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            AssertOwnerOnly(Data);
        }
        AssertOwnerOnly(Data);
        Assert.True(File.Exists(Path.Combine(Data, "cases.db")));
        Assert.True(File.Exists(Path.Combine(Data, "grain-state.db")));
        Assert.True(File.Exists(Path.Combine(Data, "signing-key.protected")));
    }

    [Fact]
    public async Task FilesAnOlderVersionLeftReadableAreTightenedAndThePlainSigningKeyIsRemoved()
    {
        Directory.CreateDirectory(Data);
        File.SetUnixFileMode(Data, (UnixFileMode)0b111_101_101);
        var plainKey = Path.Combine(Data, "signing.key");
        await File.WriteAllTextAsync(plainKey, Convert.ToBase64String(new byte[32]));
        File.SetUnixFileMode(plainKey, (UnixFileMode)0b110_100_100);

        await using var silo = SiloFactory.WithDataDirectory(Data, ("Cases:Auth:DevMode", "false"));
        Assert.Equal(HttpStatusCode.OK, (await silo.CreateClient().GetAsync("/health")).StatusCode);

        Assert.False(File.Exists(plainKey));
        AssertOwnerOnly(Data);
    }

    [Fact]
    public async Task TheKeyRingAndTheSigningKeyAreEncryptedAtRest()
    {
        await using var silo = SiloFactory.WithDataDirectory(Data, ("Cases:Auth:DevMode", "false"));
        Assert.Equal(HttpStatusCode.OK, (await silo.CreateClient().GetAsync("/health")).StatusCode);

        var keyFiles = Directory.GetFiles(Path.Combine(Data, "keys"), "key-*.xml");
        Assert.NotEmpty(keyFiles);
        foreach (var file in keyFiles)
        {
            var xml = await File.ReadAllTextAsync(file);
            Assert.Contains("<encryptedKey", xml);
            Assert.DoesNotContain("<masterKey", xml);
        }
        var protectedKey = Convert.FromBase64String(await File.ReadAllTextAsync(Path.Combine(Data, "signing-key.protected")));
        Assert.True(protectedKey.Length > 32, "the signing key file holds the bare key");
    }

    private static void AssertOwnerOnly(string folder)
    {
        Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(folder) & GroupOrOthers);
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories))
            Assert.True((File.GetUnixFileMode(entry) & GroupOrOthers) == UnixFileMode.None, $"{entry} is {File.GetUnixFileMode(entry)}");
    }
}
