using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Sms;

namespace Weishi.Web.Features.Admin.Outbox;

/// <summary>Development outbox: the text messages the system would have sent (verification codes, survey links). Once a
/// gateway is configured it only lists what was kept before.</summary>
public sealed class IndexModel(WeishiDbContext db, IOptions<SmsGatewayOptions> gateway) : PageModel
{
    public IReadOnlyList<SmsOutboxMessage> Messages { get; private set; } = [];
    public bool GatewayConfigured => gateway.Value.IsConfigured;

    public async Task OnGetAsync() =>
        Messages = await db.SmsOutbox.AsNoTracking().OrderByDescending(m => m.Id).Take(200).ToListAsync(HttpContext.RequestAborted);
}
