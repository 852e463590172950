namespace Weishi.Web.Infrastructure.Privacy;

/// <summary>A secret the application generates once and shares across instances, stored protected by Data Protection.</summary>
public class AppSecret
{
    public required string Name { get; set; }
    public required string ProtectedValue { get; set; }
}
