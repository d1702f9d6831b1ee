using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Tests.Infrastructure;

/// <summary>
/// The real app whose database connection behaves as a fault makes it behave (a refused write, a full disk, a held
/// lock): the interceptor stands between EF and the real database, the app's own code is untouched.
/// </summary>
public abstract class InterceptedAppFactory : AppFactory
{
    protected abstract IInterceptor Interceptor { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(Interceptor)));
    }
}
