using Weishi.Web.Infrastructure.Audit;

namespace Weishi.Web.Features.Surveys;

/// <summary>The district's survey rules (one row; defaults apply while there is none).</summary>
public class SurveySetting : IAudited
{
    public int Id { get; set; }
    /// <summary>Minimum sample: this share of the beneficiaries (percent) …</summary>
    public int SampleSharePercent { get; set; } = 10;
    /// <summary>… but at least this many answers (or every beneficiary when there are fewer).</summary>
    public int SampleFloor { get; set; } = 30;
    /// <summary>Rectification when overall satisfaction's mean is below this (tenths: 40 = 4.0).</summary>
    public int OverallBelowTenths { get; set; } = 40;
    /// <summary>… or any other scored item's mean is below this (tenths).</summary>
    public int ItemBelowTenths { get; set; } = 40;
    /// <summary>… or more than this share (percent) of answers to a scored item are dissatisfied (1–2 points).</summary>
    public int DissatisfiedAbovePercent { get; set; } = 10;
    /// <summary>Days the community has to record its actions.</summary>
    public int RectificationDays { get; set; } = 30;
}
