using BenchmarkDotNet.Running;
using SumahoSupport.Benchmarks;
using SumahoSupport.Benchmarks.Scenarios;

// Load scenarios against the published app: dotnet run -c Release --project tests/SumahoSupport.Benchmarks -- catalog
// (also booking-storm, dashboard, mail, all; --seconds N shortens each measurement). Anything else goes to
// BenchmarkDotNet's micro-benchmarks of the app's own queries.
var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(int.Parse).FirstOrDefault(20);
var duration = TimeSpan.FromSeconds(seconds);
Func<Task>? scenario = args.FirstOrDefault() switch
{
    "catalog" => () => CatalogScenario.RunAsync(duration),
    "booking-storm" => BookingStormScenario.RunAsync,
    "dashboard" => DashboardScenario.RunAsync,
    "mail" => MailScenario.RunAsync,
    "all" => async () =>
    {
        await CatalogScenario.RunAsync(duration);
        await BookingStormScenario.RunAsync();
        await DashboardScenario.RunAsync();
        await MailScenario.RunAsync();
    },
    _ => null,
};
if (scenario is not null) await scenario();
else BenchmarkSwitcher.FromAssembly(typeof(ClassListBenchmarks).Assembly).Run(args);
