using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Weishi.Web.Infrastructure.Data;

/// <summary>Times are stored in UTC; SQLite hands them back without a kind, so mark them again.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
