namespace SumahoSupport.Web.Security;

public static class Policies
{
    public const string Coordinator = "CoordinatorArea";
    public const string Supporter = "SupporterArea";
    public const string Admin = "AdminArea";
}
