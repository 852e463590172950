namespace Weishi.Web.Infrastructure.Sms;

public static class SmsSetup
{
    /// <summary>
    /// The gateway sender when <c>Sms:Gateway:Url</c> is set (wrong settings stop the start with the reason in Chinese),
    /// else the development outbox.
    /// </summary>
    public static void AddSms(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SmsGatewayOptions.Section);
        builder.Services.Configure<SmsGatewayOptions>(section);
        var gateway = section.Get<SmsGatewayOptions>() ?? new SmsGatewayOptions();
        if (!gateway.IsConfigured)
        {
            builder.Services.AddScoped<ISmsSender, OutboxSmsSender>();
            return;
        }
        if (gateway.Problem() is { } problem) throw new InvalidOperationException("短信网关配置有误：" + problem);
        builder.Services.AddHttpClient<ISmsSender, HttpSmsGatewaySender>(http => http.Timeout = TimeSpan.FromSeconds(gateway.TimeoutSeconds));
    }
}
