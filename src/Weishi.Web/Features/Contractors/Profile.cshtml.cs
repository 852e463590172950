using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Money;
using Weishi.Web.Infrastructure.Privacy;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Contractors;

/// <summary>
/// A contractor maintains its own profile. Address, contact, service areas, staff and declared projects save
/// directly; changes to key fields (<see cref="KeyFields"/>) wait for the district's confirmation.
/// </summary>
public sealed class ProfileModel(WeishiDbContext db, PersonalData personal) : PageModel
{
    public sealed class StaffInput
    {
        public string? Name { get; set; }
        public string? IdNumber { get; set; }
        public string? Phone { get; set; }
        public string? Qualification { get; set; }
        public string? Title { get; set; }
        public bool FullTime { get; set; } = true;
    }

    public sealed class DeclaredInput
    {
        public int? Year { get; set; }
        public string? Name { get; set; }
        public string? Client { get; set; }
        public string? AmountYuan { get; set; }
    }

    [BindProperty] public RegistryForm Input { get; set; } = new();
    [BindProperty] public StaffInput NewStaff { get; set; } = new();
    [BindProperty] public DeclaredInput NewDeclared { get; set; } = new();
    public Contractor Contractor { get; private set; } = null!;
    public bool HasPendingChange { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return Forbid();
        Input = RegistryForm.Of(Contractor);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return Forbid();
        var ct = HttpContext.RequestAborted;
        await Input.ValidateAsync(ModelState, db, Contractor.Id, ct);
        if (!ModelState.IsValid) return Page();
        var contractor = await db.Contractors.SingleAsync(c => c.Id == Contractor.Id, ct);
        Input.ApplyOpenFields(contractor, personal);
        var before = KeyFields.Of(contractor);
        var proposed = Input.Key();
        var message = "已保存本单位资料";
        if (proposed != before)
        {
            var pending = await db.ContractorChangeRequests.Where(r => r.ContractorId == contractor.Id && r.Status == ChangeStatus.Pending).ToListAsync(ct);
            foreach (var p in pending) { p.Status = ChangeStatus.Rejected; p.Note = "已被新的变更申请取代"; }
            db.ContractorChangeRequests.Add(new ContractorChangeRequest
            {
                ContractorId = contractor.Id, ProposedJson = proposed.ToJson(), Summary = proposed.DescribeChangesFrom(before),
                RequestedAtUtc = db.Time.GetUtcNow().UtcDateTime, RequestedBy = db.Scope.UserName,
            });
            message = "已保存；关键信息的变更已提交区主管部门确认，确认前仍以原登记信息为准";
        }
        await db.SaveChangesAsync(ct);
        TempData["Message"] = message;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostStaffAsync()
    {
        if (!await LoadAsync()) return Forbid();
        var s = NewStaff;
        if (string.IsNullOrWhiteSpace(s.Name) || s.Name.Trim().Length > 40) ModelState.AddModelError("NewStaff.Name", "请填写工作人员姓名（不超过40字）");
        if (!string.IsNullOrWhiteSpace(s.IdNumber) && IdNumber.Validate(s.IdNumber) is { } idError) ModelState.AddModelError("NewStaff.IdNumber", idError);
        if (!string.IsNullOrWhiteSpace(s.Phone) && PersonalData.ValidatePhone(s.Phone) is { } phoneError) ModelState.AddModelError("NewStaff.Phone", phoneError);
        if (s.Qualification?.Length > 60 || s.Title?.Length > 60) ModelState.AddModelError("NewStaff.Qualification", "资格、职称各不超过60字");
        if (!ModelState.IsValid) { Input = RegistryForm.Of(Contractor); return Page(); }
        db.ContractorStaff.Add(new ContractorStaff
        {
            ContractorId = Contractor.Id,
            Name = s.Name!.Trim(),
            IdNumberHash = string.IsNullOrWhiteSpace(s.IdNumber) ? null : await personal.HashAsync(s.IdNumber, HttpContext.RequestAborted),
            PhoneEncrypted = string.IsNullOrWhiteSpace(s.Phone) ? null : personal.EncryptPhone(s.Phone),
            PhoneMasked = string.IsNullOrWhiteSpace(s.Phone) ? null : PersonalData.MaskPhone(s.Phone),
            Qualification = s.Qualification?.Trim(),
            Title = s.Title?.Trim(),
            FullTime = s.FullTime,
        });
        await db.SaveChangesAsync();
        TempData["Message"] = "已添加工作人员";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveStaffAsync(int staffId)
    {
        if (!await LoadAsync()) return Forbid();
        var staff = await db.ContractorStaff.FirstOrDefaultAsync(s => s.Id == staffId && s.ContractorId == Contractor.Id);
        if (staff is null) return NotFound();
        db.ContractorStaff.Remove(staff);
        await db.SaveChangesAsync();
        TempData["Message"] = "已删除工作人员";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeclaredAsync()
    {
        if (!await LoadAsync()) return Forbid();
        var d = NewDeclared;
        var thisYear = ChinaDate.Today(db.Time).Year;
        if (d.Year is not { } year || year < 1990 || year > thisYear) ModelState.AddModelError("NewDeclared.Year", $"年度应在 1990 至 {thisYear} 之间");
        if (string.IsNullOrWhiteSpace(d.Name) || d.Name.Length > 120) ModelState.AddModelError("NewDeclared.Name", "请填写项目名称（不超过120字）");
        var (fen, moneyError) = Money.ParseYuan(d.AmountYuan);
        if (moneyError is not null) ModelState.AddModelError("NewDeclared.AmountYuan", moneyError);
        else if (fen < 0) ModelState.AddModelError("NewDeclared.AmountYuan", "金额不能为负数");
        if (!ModelState.IsValid) { Input = RegistryForm.Of(Contractor); return Page(); }
        db.DeclaredProjects.Add(new DeclaredProject { ContractorId = Contractor.Id, Year = d.Year!.Value, Name = d.Name!.Trim(), Client = d.Client?.Trim(), AmountFen = fen ?? 0 });
        await db.SaveChangesAsync();
        TempData["Message"] = "已添加既往项目";
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync()
    {
        if (db.Scope.ContractorId is not { } id) return false;
        var c = await db.Contractors.AsNoTracking().Include(x => x.Staff).Include(x => x.DeclaredProjects)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, HttpContext.RequestAborted);
        if (c is null) return false;
        Contractor = c;
        HasPendingChange = await db.ContractorChangeRequests.AnyAsync(r => r.ContractorId == id && r.Status == ChangeStatus.Pending);
        return true;
    }
}
