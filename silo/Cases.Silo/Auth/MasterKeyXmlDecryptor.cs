using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Cases.Silo.Auth;

/// <summary>Decrypts keys sealed by <see cref="MasterKeyXmlEncryptor"/>; Data Protection creates it by type name from the key's XML.</summary>
public sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        MasterKeyXmlEncryptor.Decrypt(services.GetRequiredService<KeyRing.KeyRingFolder>().MasterKey, encryptedElement);
}
