using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Accounts;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Calendar;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Seeding;
using SumahoSupport.Core.Supporters;

namespace SumahoSupport.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Data, auditing, accounts and seeding: what every feature builds on.</summary>
    public static IServiceCollection AddFoundation(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddData(configuration, contentRoot);
        services.TryAddTimeProvider();
        services.Configure<CityOptions>(configuration.GetSection(CityOptions.Section));
        services.Configure<SeedOptions>(configuration.GetSection(SeedOptions.Section));
        services.Configure<PhoneQuotaOptions>(configuration.GetSection(PhoneQuotaOptions.Section));
        services.AddScoped<PhoneQuota>();
        services.AddScoped<AuditLog>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<StaffAccountService>();
        services.AddScoped<SeedLoader>();
        return services;
    }

    /// <summary>
    /// Mail, invitations, reminders and the call list. Without <c>Mail:Smtp:Host</c> mail goes to the pickup folder
    /// (relative to <paramref name="contentRoot"/>). The background senders run unless switched off (tests drive them).
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var section = configuration.GetSection(MailOptions.Section);
        services.Configure<MailOptions>(section);
        var options = section.Get<MailOptions>() ?? new MailOptions();
        services.AddSingleton<MailTemplates>();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<ClassInvitations>();
        services.AddScoped<Notifier>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<OutboxService>();
        services.AddScoped<ReminderService>();
        services.AddScoped<CallListService>();
        if (string.IsNullOrWhiteSpace(options.Smtp.Host))
            services.AddSingleton<IMailTransport>(new PickupDirectoryTransport(Path.GetFullPath(Path.Combine(contentRoot, options.PickupDirectory))));
        else
            services.AddSingleton<IMailTransport, SmtpMailTransport>();
        if (options.Dispatcher.Enabled) services.AddHostedService<OutboxDispatcherHost>();
        if (options.Reminder.Enabled) services.AddHostedService<MinuteLoopHost>();
        return services;
    }

    /// <summary>Comprehension surveys and the understanding rate.</summary>
    public static IServiceCollection AddSurveys(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SurveyOptions>(configuration.GetSection(SurveyOptions.Section));
        services.AddScoped<SurveyService>();
        services.AddScoped<SurveyFollowUpService>();
        services.AddScoped<SurveyTemplateService>();
        services.AddScoped<SurveyStatistics>();
        services.AddScoped<SurveyRequestService>();
        services.AddScoped<Reporting.AnnualReport>();
        return services;
    }

    /// <summary>Supporters: applications, training, the certification rule, availability and volunteer hours.</summary>
    public static IServiceCollection AddSupporters(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SupporterOptions>(configuration.GetSection(SupporterOptions.Section));
        services.AddScoped<SupporterService>();
        services.AddScoped<TrainingService>();
        services.AddScoped<CertificationService>();
        services.AddScoped<VolunteerHours>();
        services.AddScoped<OpenBadges>();
        return services;
    }

    /// <summary>Courses, classes and series, bookings and staffing.</summary>
    public static IServiceCollection AddClassesAndBookings(this IServiceCollection services)
    {
        services.AddSingleton<HolidayCalendar>();
        services.AddScoped<BookingService>();
        services.AddScoped<ClassScheduleService>();
        services.AddScoped<CourseService>();
        services.AddScoped<StaffingService>();
        return services;
    }

    /// <summary>One-to-one consultations: schedules, bookings, the supporters' records and their analysis.</summary>
    public static IServiceCollection AddConsultations(this IServiceCollection services)
    {
        services.AddScoped<Consultations.ConsultationService>();
        services.AddScoped<Consultations.SupportLogService>();
        services.AddScoped<Consultations.ConsultationAnalytics>();
        return services;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }
}
