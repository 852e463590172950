using System.Globalization;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Surveys;

/// <summary>A survey figure as pages show it: a null average (nothing answered) reads 暂无答卷, never 0 or a dash.</summary>
public static class SurveyFigures
{
    public const string NoAnswers = "暂无答卷";

    public static string Mean(double? mean) => mean is { } m ? m.ToString("0.00", CultureInfo.InvariantCulture) : NoAnswers;

    public static string Share(double? ratio) => ratio is { } r ? Display.Percent(r) : NoAnswers;
}
