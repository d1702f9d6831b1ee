using SumahoSupport.Web.Hosting;

var builder = WebApplication.CreateBuilder(FirstStart.Options(args));
builder.UseDevelopmentAddress();
builder.AddSumahoSupport();
var app = builder.Build();
// Routes first: seeding and the commands write mail, and every link in a mail is built from them (SiteLinks).
app.UseSumahoSupport();

// `migrate` and `create-admin` run against the configured database and exit without serving requests.
if (StartupCommands.Find(args) is { } command) return await command(app);

await app.PrepareAsync();
await app.RunAsync();
return 0;

/// <summary>Entry point, public so integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
