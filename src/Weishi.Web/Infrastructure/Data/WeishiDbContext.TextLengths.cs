using Microsoft.EntityFrameworkCore;

namespace Weishi.Web.Infrastructure.Data;

public abstract partial class WeishiDbContext
{
    /// <summary>
    /// Refuses any added or changed text longer than its column's maximum length, before anything is written. PostgreSQL
    /// would refuse it with an error (an HTTP 500 on a page) and SQLite would store it: this makes both refuse it the
    /// same, understandable way (<see cref="TextTooLongException"/>). Lengths count characters, as PostgreSQL does.
    /// </summary>
    private void EnforceTextLengths()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            foreach (var property in entry.Properties)
            {
                if (entry.State == EntityState.Modified && !property.IsModified) continue;
                if (property.Metadata.GetMaxLength() is not { } max || property.CurrentValue is null) continue;
                var converter = property.Metadata.GetTypeMapping().Converter;
                if ((converter is null ? property.CurrentValue : converter.ConvertToProvider(property.CurrentValue)) is not string text) continue;
                if (text.Length <= max) continue;
                var characters = text.EnumerateRunes().Count();
                if (characters > max)
                    throw new TextTooLongException(entry.Metadata.ClrType.Name, property.Metadata.Name, max, characters);
            }
        }
    }
}
