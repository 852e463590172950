using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Weishi.Web.Infrastructure.Web;

/// <summary>
/// Behind a reverse proxy every request comes from the proxy's address, so per-client limits would lump all residents
/// together. X-Forwarded-For/-Proto are honoured only from the proxies and networks listed in configuration
/// (ForwardedHeaders:KnownProxies, ForwardedHeaders:KnownNetworks as CIDR) besides loopback; from anyone else the
/// header is ignored, so a client cannot pick its own rate-limit partition.
/// </summary>
public static class ProxyForwarding
{
    public static IServiceCollection AddProxyForwarding(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            foreach (var ip in config.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
                o.KnownProxies.Add(IPAddress.Parse(ip));
            foreach (var cidr in config.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(cidr));
        });
        return services;
    }
}
