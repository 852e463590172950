namespace Weishi.Web.Infrastructure.Sms;

/// <summary>A message the gateway did not accept (refused, unreachable, too slow). Callers tell the user in Chinese.</summary>
public sealed class SmsSendFailedException(string message, Exception? inner = null) : Exception(message, inner);
