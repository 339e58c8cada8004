using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Cases.Silo.Auth;

/// <summary>Finds the key that signs the silo's tokens: the configured one, or one kept in the data folder encrypted by Data Protection.</summary>
public static class SigningKeys
{
    /// <summary>The file holding the Data Protection–encrypted signing key inside the data folder.</summary>
    public const string FileName = "signing-key.protected";

    private const string Purpose = "Cases.Silo.Auth.SigningKey.v1";

    // Older versions kept the key in plain base64 here; it is removed, which ends every token it signed.
    private const string PlainFileName = "signing.key";

    /// <summary>The configured key if any; otherwise the protected key in the folder, made on first run.</summary>
    public static byte[] Load(AuthSettings settings, IDataProtectionProvider protection, string folder)
    {
        if (!string.IsNullOrEmpty(settings.SigningKey))
            return Convert.FromBase64String(settings.SigningKey);
        var protector = protection.CreateProtector(Purpose);
        var path = Path.Combine(folder, FileName);
        File.Delete(Path.Combine(folder, PlainFileName));
        if (File.Exists(path))
            return protector.Unprotect(Convert.FromBase64String(File.ReadAllText(path).Trim()));
        var key = RandomNumberGenerator.GetBytes(32);
        PrivateFiles.WriteSecret(path, Convert.ToBase64String(protector.Protect(key)));
        return key;
    }
}
