namespace Weishi.Web.Features.Mining;

/// <summary>
/// How both retrainers check a new model: every fifth staff judgement (once there are at least five) is kept out of
/// training, and the model in use and the new one are compared on those.
/// </summary>
public static class HoldOut
{
    public const int Every = 5;

    public static (List<T> Training, List<T> HeldOut) Split<T>(IReadOnlyList<T> judgements)
    {
        ArgumentNullException.ThrowIfNull(judgements);
        var (training, heldOut) = (new List<T>(), new List<T>());
        for (var i = 0; i < judgements.Count; i++)
            (judgements.Count >= Every && i % Every == Every - 1 ? heldOut : training).Add(judgements[i]);
        return (training, heldOut);
    }
}
