using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Supporters;

using SumahoSupport.Web.Security;

namespace SumahoSupport.Web.Pages.Certificates;

/// <summary>修了証: printable, for the supporter it was issued to and for coordinators.</summary>
public sealed class ShowModel(AppDbContext db, OpenBadges openBadges) : PageModel
{
    public Certificate Issued { get; private set; } = default!;

    public IReadOnlyList<string> Modules { get; private set; } = [];

    public string BadgeUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string publicId, CancellationToken ct)
    {
        var found = await db.Certifications.AsNoTracking().Where(c => c.PublicId == publicId)
            .Select(c => new Certificate(c.SupporterId, c.Supporter.UserId, c.Supporter.Name, c.Level, c.Basis, c.IssuedAtUtc, c.ExpiresAtUtc))
            .SingleOrDefaultAsync(ct);
        if (found is null) return NotFound();
        var isOwner = found.UserId is not null && found.UserId == User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        if (!isOwner && !await HttpContext.IsStaffAsync()) return Forbid();

        Issued = found;
        Modules = await db.TrainingRecords.AsNoTracking()
            .Where(r => r.SupporterId == found.SupporterId && r.Passed && r.CompletedAtUtc <= found.IssuedAtUtc)
            .Select(r => new { r.TrainingModule.Order, r.TrainingModule.Title }).Distinct()
            .OrderBy(m => m.Order).Select(m => m.Title).ToListAsync(ct);
        BadgeUrl = openBadges.AssertionUrl(publicId);
        return Page();
    }

    public sealed record Certificate(int SupporterId, string? UserId, string Name, SupporterStatus Level, CertificationBasis Basis, DateTime IssuedAtUtc, DateTime ExpiresAtUtc);
}
