using Weishi.Web.Features.Accounts;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Auth;

namespace Weishi.Web.Features.Delivery;

/// <summary>Who may do what on a project's delivery records (the database context enforces the same on save).</summary>
public static class DeliveryAccess
{
    /// <summary>Community or subdistrict staff of the project's region, or the district.</summary>
    public static bool Manages(UserScope scope, Project p) => scope.WriteAll || scope.CanWrite(p.RegionId);

    /// <summary>Activities, progress, milestones done, rectification answers: the managers and the project's contractor.</summary>
    public static bool Delivers(UserScope scope, Project p) =>
        Manages(scope, p) || (scope.ContractorId != null && scope.ContractorId == p.ContractorId);

    /// <summary>Inspections and acceptance: subdistrict and district staff.</summary>
    public static bool Supervises(UserScope scope, Project p) =>
        scope.WriteAll || (scope.CanWrite(p.RegionId) && (scope.Has(AppRole.SubdistrictOfficer) || scope.Has(AppRole.DistrictAdmin)));

    /// <summary>An uploaded photo is accepted only when its first bytes are those of a JPEG, PNG, GIF or WebP image.</summary>
    public static string? ImageType(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return "image/jpeg";
        if (head.Length >= 8 && head[..8].SequenceEqual((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (head.Length >= 6 && (head[..6].SequenceEqual("GIF87a"u8) || head[..6].SequenceEqual("GIF89a"u8))) return "image/gif";
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }

    public const long MaxPhotoBytes = 5 * 1024 * 1024;
}
