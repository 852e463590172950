using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Privacy;

namespace Weishi.Tests.Foundation;

/// <summary>
/// With a certificate configured, the Data Protection keys stored in the database are encrypted with it, so a copy of
/// the database alone does not reveal the phones or the personal-data hash key; without one they are stored in clear.
/// </summary>
public class KeyProtectionTests
{
    private static async Task<List<string>> StoredKeysAfterProtectingAPhoneAsync(WeishiAppFactory factory)
    {
        var personal = factory.Services.GetRequiredService<PersonalData>();
        var encrypted = personal.EncryptPhone("13800138000");
        Assert.Equal("13800138000", personal.DecryptPhone(encrypted));
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WeishiDbContext>().DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
    }

    [Fact]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_without_one_they_are_not()
    {
        var path = Path.Combine(Path.GetTempPath(), $"weishi-keys-{Guid.NewGuid():N}.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Weishi data protection test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "测试口令"));
        }
        try
        {
            await using (var app = await OwnApp.StartAsync(("DataProtection:CertificatePath", path), ("DataProtection:CertificatePassword", "测试口令")))
            {
                var keys = await StoredKeysAfterProtectingAPhoneAsync(app.Factory);
                Assert.NotEmpty(keys);
                Assert.All(keys, xml =>
                {
                    Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
                    Assert.DoesNotContain("unencrypted", xml, StringComparison.Ordinal);
                });
            }
            await using (var app = await OwnApp.StartAsync())
            {
                var keys = await StoredKeysAfterProtectingAPhoneAsync(app.Factory);
                Assert.Contains(keys, xml => xml.Contains("unencrypted", StringComparison.Ordinal));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
