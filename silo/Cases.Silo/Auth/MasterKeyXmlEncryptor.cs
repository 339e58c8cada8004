using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Cases.Silo.Auth;

/// <summary>Encrypts each Data Protection key at rest with AES-256-GCM under the key ring's master key.</summary>
public sealed class MasterKeyXmlEncryptor(byte[] masterKey) : IXmlEncryptor
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = System.Text.Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceBytes + TagBytes + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(masterKey, TagBytes);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes));
        CryptographicOperations.ZeroMemory(plaintext);
        return new EncryptedXmlInfo(new XElement("encryptedKey", new XComment(" AES-256-GCM under the Cases key ring's master key "), Convert.ToBase64String(sealedBytes)), typeof(MasterKeyXmlDecryptor));
    }

    /// <summary>Decrypts what <see cref="Encrypt"/> sealed; a wrong master key or an edited file fails authentication.</summary>
    public static XElement Decrypt(byte[] masterKey, XElement encryptedElement)
    {
        var sealedBytes = Convert.FromBase64String(encryptedElement.Value.Trim());
        var plaintext = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(masterKey, TagBytes);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), plaintext);
        return XElement.Parse(System.Text.Encoding.UTF8.GetString(plaintext));
    }
}
