using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Weishi.Web.Infrastructure.RateLimits;

/// <summary>
/// The open window of one rate-limit partition on PostgreSQL, shared by every app instance: "portal:" and the keyed hash
/// of the client's address (never the address itself), how many requests it counted and when it ends. A window opens
/// with the partition's first request after the last one ended, as the in-memory fixed window did.
/// </summary>
public class RateLimitWindow
{
    public required string Partition { get; set; }
    public DateTime WindowEndsAtUtc { get; set; }
    public int Count { get; set; }
}

public sealed class RateLimitWindowConfiguration : IEntityTypeConfiguration<RateLimitWindow>
{
    public void Configure(EntityTypeBuilder<RateLimitWindow> b)
    {
        b.HasKey(w => w.Partition);
        // A policy name and 64 hex characters.
        b.Property(w => w.Partition).HasMaxLength(100);
    }
}
