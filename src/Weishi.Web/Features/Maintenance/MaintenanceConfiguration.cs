using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Weishi.Web.Infrastructure.Files;

namespace Weishi.Web.Features.Maintenance;

public sealed class AssetConfiguration : IEntityTypeConfiguration<Asset>
{
    public void Configure(EntityTypeBuilder<Asset> b)
    {
        b.Property(a => a.Name).HasMaxLength(120);
        b.Property(a => a.Address).HasMaxLength(200);
        b.Property(a => a.UpkeepBodyName).HasMaxLength(120);
        b.Property(a => a.Latitude).HasPrecision(9, 6);
        b.Property(a => a.Longitude).HasPrecision(9, 6);
        b.HasIndex(a => a.RegionId);
        b.HasIndex(a => a.ProjectId);
        b.HasOne(a => a.Region).WithMany().HasForeignKey(a => a.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Project).WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(a => a.HasNoBody);
        b.Ignore(a => a.HasNoMoney);
    }
}

public sealed class AssetRecordConfiguration : IEntityTypeConfiguration<AssetRecord>
{
    public void Configure(EntityTypeBuilder<AssetRecord> b)
    {
        b.Property(r => r.Defects).HasMaxLength(500);
        b.Property(r => r.RecordedBy).HasMaxLength(100);
        b.HasIndex(r => new { r.AssetId, r.On });
        b.HasOne(r => r.Asset).WithMany(a => a.Records).HasForeignKey(r => r.AssetId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AssetPhotoConfiguration : IEntityTypeConfiguration<AssetPhoto>
{
    public void Configure(EntityTypeBuilder<AssetPhoto> b)
    {
        b.Property(p => p.FileName).HasMaxLength(UploadName.MaxLength);
        b.Property(p => p.ContentType).HasMaxLength(40);
        b.Property(p => p.Content).HasMaxLength(PhotoCheck.MaxBytes);
        b.HasOne(p => p.Record).WithMany(r => r.Photos).HasForeignKey(p => p.AssetRecordId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class InspectionIntervalConfiguration : IEntityTypeConfiguration<InspectionInterval>
{
    public void Configure(EntityTypeBuilder<InspectionInterval> b)
    {
        b.HasIndex(i => i.Kind).IsUnique();
        b.HasData(Enum.GetValues<AssetKind>().Select(k => new InspectionInterval { Id = (int)k, Kind = k, Months = InspectionSchedule.DefaultMonths(k) }));
    }
}
