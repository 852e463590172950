using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Infrastructure.Privacy;

/// <summary>
/// Data Protection keys live in the database so that every instance shares them (ADR 004). Phones and the personal-data
/// hash key are protected with them, so a copy of the database alone would reveal both unless the keys themselves are
/// encrypted: with <c>DataProtection:CertificatePath</c> (a .pfx, and <c>DataProtection:CertificatePassword</c>) every new key
/// is encrypted with that certificate before it is stored. Keys stored before the certificate was set stay readable;
/// revoke them (or start on a fresh database) to have none in clear.
/// </summary>
public static class DataProtectionSetup
{
    public static IServiceCollection AddWeishiDataProtection(this IServiceCollection services, IConfiguration config)
    {
        var builder = services.AddDataProtection().SetApplicationName("Weishi").PersistKeysToDbContext<WeishiDbContext>();
        if (config["DataProtection:CertificatePath"] is { Length: > 0 } path)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, config["DataProtection:CertificatePassword"]);
            if (!certificate.HasPrivateKey) throw new InvalidOperationException($"DataProtection:CertificatePath {path}: the certificate has no private key");
            builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        return services;
    }
}
