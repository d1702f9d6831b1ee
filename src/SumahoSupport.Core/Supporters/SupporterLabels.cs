using SumahoSupport.Core.Data;
using SumahoSupport.Core.Staffing;

namespace SumahoSupport.Core.Supporters;

/// <summary>Japanese names of supporter, staffing and account values, shared by the pages and the mails.</summary>
public static class SupporterLabels
{
    public static string Status(SupporterStatus status) => status switch
    {
        SupporterStatus.Applicant => "応募者",
        SupporterStatus.Trainee => "研修中",
        SupporterStatus.Certified => "認定支援員",
        SupporterStatus.Lead => "講師（リーダー）",
        SupporterStatus.Inactive => "休止中",
        _ => status.ToString(),
    };

    /// <summary>Why it was issued, as a noun phrase: 「…により認定」 in mail and on the certificate.</summary>
    public static string Basis(CertificationBasis basis) => basis switch
    {
        CertificationBasis.Training => "必修研修の修了と教室での補助の実績",
        CertificationBasis.Renewal => "年次更新研修の合格（認定の更新）",
        CertificationBasis.Reinstatement => "年次更新研修の合格（再認定）",
        CertificationBasis.LeadGrant => "教室での実績とコーディネーターの任命",
        _ => basis.ToString(),
    };

    /// <summary>The devices a supporter can teach: 「Android・iPhone」.</summary>
    public static string Devices(bool android, bool iPhone) =>
        string.Join("・", new[] { android ? "Android" : null, iPhone ? "iPhone" : null }.OfType<string>());

    /// <summary>A supporter's part in a class.</summary>
    public static string Role(AssignmentRole role) => role == AssignmentRole.Lecturer ? "講師" : "補助";

    /// <summary>Why a supporter is not suggested for a class or a consultation — or that they are.</summary>
    public static string Conflict(SupporterConflict conflict) => conflict switch
    {
        SupporterConflict.Busy => "同じ時間に別の担当（教室・相談）あり",
        SupporterConflict.DayOff => "休みの日",
        SupporterConflict.NotUsuallyFree => "活動できる時間の外",
        SupporterConflict.WrongDevice => "この機種に未対応",
        SupporterConflict.NeedsMentor => "研修中（先に認定支援員が必要）",
        _ => "おすすめ",
    };

    /// <summary>A staff account's role.</summary>
    public static string AccountRole(string role) => role switch
    {
        Roles.Admin => "管理者",
        Roles.Coordinator => "コーディネーター",
        Roles.Supporter => "支援員",
        _ => role,
    };
}
