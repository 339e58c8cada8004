using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Cases.Silo.Auth;

/// <summary>ASP.NET Core Data Protection with its key ring persisted in the data folder and encrypted at rest by a master key.</summary>
/// <remarks>
/// "Cases:DataProtection:MasterKey" (base64, 256 bits, e.g. from a mounted Secret, kept apart from the data) is the master key; without it
/// the silo makes one in the data folder, owner-only like every file it writes, which protects copies of the key ring but not the folder.
/// </remarks>
public static class KeyRing
{
    /// <summary>The folder of the key ring inside the data folder.</summary>
    public const string FolderName = "keys";

    private const string GeneratedMasterKey = "key-ring.master";

    /// <summary>Registers Data Protection over the data folder's key ring, resolved when first used so test and deployment settings apply.</summary>
    public static void AddCasesDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("cases");
        services.AddSingleton<KeyRingFolder>();
        services.AddOptions<KeyManagementOptions>().Configure<KeyRingFolder>((o, folder) =>
        {
            o.XmlRepository = folder.Repository;
            o.XmlEncryptor = new MasterKeyXmlEncryptor(folder.MasterKey);
        });
    }

    /// <summary>The key ring's folder and master key, or keys for this run only when the data folder is unusable (health reports the folder).</summary>
    public sealed class KeyRingFolder
    {
        public KeyRingFolder(IServiceProvider services, IConfiguration configuration, ILoggerFactory loggerFactory)
        {
            var dataFolder = CasesHostingExtensions.DataDirectory(services);
            try
            {
                PrivateFiles.Secure(dataFolder);
                var folder = Path.Combine(dataFolder, FolderName);
                PrivateFiles.Secure(folder);
                MasterKey = LoadMasterKey(configuration, dataFolder);
                Repository = new FileSystemXmlRepository(new DirectoryInfo(folder), loggerFactory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                loggerFactory.CreateLogger<KeyRingFolder>().LogError(e, "No key ring could be kept in {Folder}; keys last for this run only", dataFolder);
                Repository = new MemoryXmlRepository();
                MasterKey = RandomNumberGenerator.GetBytes(32);
            }
        }

        public IXmlRepository Repository { get; }

        public byte[] MasterKey { get; }
    }

    private static byte[] LoadMasterKey(IConfiguration configuration, string dataFolder)
    {
        if (configuration["Cases:DataProtection:MasterKey"] is { Length: > 0 } configured)
            return Convert.FromBase64String(configured);
        var path = Path.Combine(dataFolder, GeneratedMasterKey);
        if (!File.Exists(path))
            PrivateFiles.WriteSecret(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }
}
