using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Sms;

namespace Weishi.Web.Features.Admin.Outbox;

/// <summary>Development outbox: the text messages the system would have sent (verification codes, survey links).</summary>
public sealed class IndexModel(WeishiDbContext db) : PageModel
{
    public IReadOnlyList<SmsOutboxMessage> Messages { get; private set; } = [];

    public async Task OnGetAsync() =>
        Messages = await db.SmsOutbox.AsNoTracking().OrderByDescending(m => m.Id).Take(200).ToListAsync(HttpContext.RequestAborted);
}
