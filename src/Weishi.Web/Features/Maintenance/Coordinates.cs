using System.Globalization;

namespace Weishi.Web.Features.Maintenance;

/// <summary>An asset's optional place on the map: WGS-84 latitude and longitude, both or neither, inside Shenzhen.</summary>
public static class Coordinates
{
    // Shenzhen's extent with a small margin (the city spans about 22.44–22.86°N, 113.75–114.62°E).
    public const decimal MinLatitude = 22.40m, MaxLatitude = 22.90m, MinLongitude = 113.70m, MaxLongitude = 114.65m;

    /// <summary>Both empty clears the place; otherwise both must be numbers within Shenzhen's bounds.</summary>
    public static (decimal? Lat, decimal? Lng, string? Error) Parse(string? latitude, string? longitude)
    {
        latitude = latitude?.Trim();
        longitude = longitude?.Trim();
        if (string.IsNullOrEmpty(latitude) && string.IsNullOrEmpty(longitude)) return (null, null, null);
        if (string.IsNullOrEmpty(latitude) || string.IsNullOrEmpty(longitude)) return (null, null, "纬度和经度须同时填写（或同时留空）");
        if (!decimal.TryParse(latitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)) return (null, null, "纬度须为数字，例如 22.7123");
        if (!decimal.TryParse(longitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lng)) return (null, null, "经度须为数字，例如 114.3456");
        if (lat < MinLatitude || lat > MaxLatitude || lng < MinLongitude || lng > MaxLongitude)
            return (null, null, $"坐标不在深圳市范围内（纬度 {MinLatitude}–{MaxLatitude}，经度 {MinLongitude}–{MaxLongitude}），请检查是否填反或少了小数点");
        return (Math.Round(lat, 6), Math.Round(lng, 6), null);
    }
}
