namespace Weishi.Web.Features.Demo;

/// <summary>The source report's yearly figures (一(三)): projects carried out and actual spending.</summary>
public sealed record DemoYear(int Year, int Projects, long SpentFen)
{
    public static readonly DemoYear[] FromReport =
    [
        new(2021, 579, 43_682_000_00),
        new(2022, 520, 46_841_600_00),
        new(2023, 493, 46_830_400_00),
    ];
}
