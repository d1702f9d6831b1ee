using SumahoSupport.Core.Data;

namespace SumahoSupport.Tests.Data;

public sealed class SqlitePathTests
{
    [Fact]
    public void RelativeDataSource_IsResolvedUnderTheContentRoot()
    {
        var resolved = DataServiceCollectionExtensions.ResolveSqlitePath(DataServiceCollectionExtensions.DefaultConnectionString, "/srv/app");
        Assert.Contains("Data Source=/srv/app/App_Data/sumaho.db", resolved, StringComparison.Ordinal);
    }

    [Fact]
    public void AbsoluteDataSource_IsKept()
    {
        var resolved = DataServiceCollectionExtensions.ResolveSqlitePath("Data Source=/var/lib/sumaho/app.db", "/srv/app");
        Assert.Contains("Data Source=/var/lib/sumaho/app.db", resolved, StringComparison.Ordinal);
    }
}
