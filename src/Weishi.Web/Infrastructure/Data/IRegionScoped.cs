namespace Weishi.Web.Infrastructure.Data;

/// <summary>A row that belongs to one region; reads and writes are limited to the user's regions.</summary>
public interface IRegionScoped
{
    int RegionId { get; }
}
