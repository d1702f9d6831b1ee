namespace SumahoSupport.Core.Supporters;

/// <summary>Japanese names of supporter values, shared by the pages and the mails.</summary>
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
}
