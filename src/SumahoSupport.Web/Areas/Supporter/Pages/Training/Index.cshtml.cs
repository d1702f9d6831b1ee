using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Supporters;

namespace SumahoSupport.Web.Areas.Supporter.Pages.Training;

/// <summary>研修: the supporter's modules, what is passed, and how far they are from certification.</summary>
public sealed class IndexModel(AppDbContext db, TrainingService training, CertificationService certification) : PageModel
{
    public IReadOnlyList<ModuleProgress> Modules { get; private set; } = [];

    public CertificationProgress Progress { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await db.SupporterIdAsync(User, ct) is not { } id) return Forbid();
        Modules = await training.ProgressAsync(id, ct);
        Progress = await certification.ProgressAsync(id, ct);
        return Page();
    }
}
