namespace Weishi.Web.Infrastructure.Audit;

/// <summary>Marks business data whose every change goes to the audit log.</summary>
public interface IAudited;
