using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Contractors;

/// <summary>The district department registers and corrects contractors.</summary>
public sealed class EditModel(WeishiDbContext db) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "请填写单位名称"), StringLength(120, ErrorMessage = "单位名称不超过120字")]
        public string Name { get; set; } = "";
        public string CreditCode { get; set; } = "";
        public ContractorType Type { get; set; } = ContractorType.SocialOrganisation;
        [StringLength(200, ErrorMessage = "地址不超过200字")]
        public string? Address { get; set; }
        [StringLength(60, ErrorMessage = "联系人不超过60字")]
        public string? ContactName { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (!db.Scope.Has(AppRole.DistrictAdmin)) return Forbid();
        Id = id;
        if (id is null) return Page();
        var c = await db.Contractors.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        if (c is null) return NotFound();
        Input = new InputModel { Name = c.Name, CreditCode = c.CreditCode, Type = c.Type, Address = c.Address, ContactName = c.ContactName };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        if (!db.Scope.Has(AppRole.DistrictAdmin)) return Forbid();
        Id = id;
        var code = Contractors.CreditCode.Normalize(Input.CreditCode ?? "");
        if (Contractors.CreditCode.Validate(code) is { } codeError) ModelState.AddModelError("Input.CreditCode", codeError);
        else if (await db.Contractors.IgnoreQueryFilters().AnyAsync(c => c.CreditCode == code && c.Id != id))
            ModelState.AddModelError("Input.CreditCode", "该统一社会信用代码已登记");
        if (!Enum.IsDefined(Input.Type)) ModelState.AddModelError("Input.Type", "请选择单位类型");
        if (!ModelState.IsValid) return Page();

        var contractor = id is null ? null : await db.Contractors.FirstOrDefaultAsync(c => c.Id == id);
        if (id is not null && contractor is null) return NotFound();
        if (contractor is null)
        {
            contractor = new Contractor { Name = "", CreditCode = "", CreatedAtUtc = db.Time.GetUtcNow().UtcDateTime };
            db.Contractors.Add(contractor);
        }
        contractor.Name = Input.Name.Trim();
        contractor.CreditCode = code;
        contractor.Type = Input.Type;
        contractor.Address = Input.Address?.Trim();
        contractor.ContactName = Input.ContactName?.Trim();
        await db.SaveChangesAsync();
        TempData["Message"] = $"已保存承接单位“{contractor.Name}”";
        return RedirectToPage("Index");
    }
}
