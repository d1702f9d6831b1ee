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
using SumahoSupport.Core.Jobs;
using SumahoSupport.Core.Seeding;
using SumahoSupport.Core.Supporters;

namespace SumahoSupport.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Data, auditing, accounts and seeding: what every feature builds on.</summary>
    public static IServiceCollection AddFoundation(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddData(configuration, contentRoot);
        // Pages, mail and invitations read one set of translations (SharedResource).
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.TryAddTimeProvider();
        services.Configure<CityOptions>(configuration.GetSection(CityOptions.Section));
        services.Configure<SeedOptions>(configuration.GetSection(SeedOptions.Section));
        services.Configure<PhoneQuotaOptions>(configuration.GetSection(PhoneQuotaOptions.Section));
        services.CheckSettings<CityOptions>((city, _) =>
        [
            string.IsNullOrWhiteSpace(city.Name) || city.Name.Length > 50 ? "設定 City:Name に市の名前（50文字以内）を入れてください。" : null,
            Text.PhoneNumber.Normalize(city.HelpPhone) is null ? $"設定 City:HelpPhone は住民が電話できる番号にしてください（今: {city.HelpPhone}）。" : null,
            string.IsNullOrWhiteSpace(city.HelpHours) ? "設定 City:HelpHours に窓口の受付時間を入れてください。" : null,
            string.IsNullOrEmpty(city.Code) || OpenData.MunicipalityCode.IsValid(city.Code) ? null
                : $"設定 City:Code は全国地方公共団体コード（検査数字を含む6桁、例: 102121）にしてください。最後の1桁が合っているか確かめてください（今: {city.Code}）。",
        ]);
        services.CheckSettings<PhoneQuotaOptions>((limits, _) =>
        [
            SettingsChecks.Between("Limits:Phone:PerDay", limits.PerDay, 1, 50),
            SettingsChecks.Between("Limits:Phone:Upcoming", limits.Upcoming, 1, 200),
        ]);
        services.AddScoped<PhoneQuota>();
        services.AddScoped<AuditLog>();
        services.AddSingleton<Observability.AppMetrics>();
        // The minute loop's jobs are added by the features they belong to (AddMinuteJob).
        services.AddSingleton<JobHealth>();
        services.AddSingleton<MinuteJobs>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<StaffAccountService>();
        services.AddScoped<SignInThrottle>();
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
        services.CheckSettings<MailOptions>(MailOptions.Problems);
        services.AddSingleton<MailTemplates>();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<ClassInvitations>();
        services.AddScoped<Notifier>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<OutboxService>();
        services.AddScoped<ReminderService>();
        services.AddMinuteJob("reminders", (s, ct) => s.GetRequiredService<ReminderService>().SendDueAsync(ct));
        services.AddScoped<CallListService>();
        services.AddResidentChannels(configuration);
        // Supporters' calendar replies, read from the organizer's mailbox when Mail:Inbox:Host is set.
        services.AddScoped<Calendar.CalendarReplyService>();
        services.AddScoped<Calendar.InboxReader>();
        services.AddMinuteJob(Calendar.InboxReader.LeaseName, (s, ct) => s.GetRequiredService<Calendar.InboxReader>().ReadAsync(ct));
        if (string.IsNullOrWhiteSpace(options.Smtp.Host))
            services.AddSingleton<IMailTransport>(new PickupDirectoryTransport(Path.GetFullPath(Path.Combine(contentRoot, options.PickupDirectory))));
        else
            services.AddSingleton<IMailTransport, SmtpMailTransport>();
        if (options.Dispatcher.Enabled) services.AddHostedService<OutboxDispatcherHost>();
        // Mail:Reminder:Enabled has always switched the whole minute loop; the key stays.
        if (options.Reminder.Enabled) services.AddHostedService<MinuteLoopHost>();
        return services;
    }

    /// <summary>
    /// LINE, text messages and the day-before call: the settings (each channel off until its keys are set, and refusing to
    /// start with one missing), the providers' clients and the webhooks' handlers. Their messages go through the outbox.
    /// </summary>
    private static IServiceCollection AddResidentChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<Messaging.LineOptions>(configuration.GetSection(Messaging.LineOptions.Section));
        services.Configure<Messaging.SmsOptions>(configuration.GetSection(Messaging.SmsOptions.Section));
        services.Configure<Messaging.VoiceOptions>(configuration.GetSection(Messaging.VoiceOptions.Section));
        services.Configure<Messaging.QuietHoursOptions>(configuration.GetSection(Messaging.QuietHoursOptions.Section));
        var voice = configuration.GetSection(Messaging.VoiceOptions.Section).Get<Messaging.VoiceOptions>() ?? new();
        services.CheckSettings<Messaging.LineOptions>((line, _) => Messaging.LineOptions.Problems(line));
        services.CheckSettings<Messaging.SmsOptions>((sms, _) => Messaging.SmsOptions.Problems(sms, voice));
        services.AddScoped<Messaging.ResidentChannels>();
        services.AddScoped<Messaging.ShortMessages>();
        services.AddScoped<Messaging.ChannelSender>();
        services.AddScoped<Messaging.LineConversation>();
        services.AddScoped<Messaging.TwilioHooks>();
        services.AddScoped<Messaging.ContactChoice>();
        // A provider that hangs must not hold the outbox: each request gives up after 30 seconds and is retried.
        services.AddHttpClient<Messaging.LineApi>(http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient<Messaging.TwilioApi>(http => http.Timeout = TimeSpan.FromSeconds(30));
        return services;
    }

    /// <summary>Comprehension surveys and the understanding rate.</summary>
    public static IServiceCollection AddSurveys(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SurveyOptions>(configuration.GetSection(SurveyOptions.Section));
        services.CheckSettings<SurveyOptions>((survey, _) =>
        [
            survey.TargetRate is > 0 and <= 1 ? null : $"設定 Survey:TargetRate は 0 より大きく 1 以下の割合にしてください（90% なら 0.90。今: {survey.TargetRate}）。",
            survey.RequestsFrom < survey.RequestsUntil ? null : "設定 Survey:RequestsFrom は Survey:RequestsUntil より前の時刻にしてください。",
        ]);
        services.AddScoped<SurveyService>();
        services.AddScoped<SurveyFollowUpService>();
        services.AddScoped<SurveyTemplateService>();
        services.AddScoped<SurveyStatistics>();
        services.AddScoped<SurveyRequestService>();
        services.AddMinuteJob("survey-requests", (s, ct) => s.GetRequiredService<SurveyRequestService>().SendDueAsync(ct));
        services.AddScoped<Reporting.AnnualReport>();
        return services;
    }

    /// <summary>Supporters: applications, training, the certification rule, availability and volunteer hours.</summary>
    public static IServiceCollection AddSupporters(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SupporterOptions>(configuration.GetSection(SupporterOptions.Section));
        services.CheckSettings<SupporterOptions>((rule, _) =>
        [
            SettingsChecks.Between("Supporters:AssistedClassesForCertification", rule.AssistedClassesForCertification, 0, 50),
            SettingsChecks.Between("Supporters:ClassesForLead", rule.ClassesForLead, 0, 500),
            SettingsChecks.Between("Supporters:CertificationValidMonths", rule.CertificationValidMonths, 1, 60),
            SettingsChecks.Between("Supporters:ExpiryNoticeDays", rule.ExpiryNoticeDays, 0, 365),
            SettingsChecks.Between("Supporters:StuckAfterDays", rule.StuckAfterDays, 1, 365),
            string.IsNullOrWhiteSpace(rule.RefreshModuleCode) ? "設定 Supporters:RefreshModuleCode に年次更新研修のコードを入れてください。" : null,
        ]);
        services.AddScoped<SupporterService>();
        services.AddScoped<TrainingService>();
        services.AddScoped<CertificationService>();
        services.AddMinuteJob("certification", (s, ct) => s.GetRequiredService<CertificationService>().SweepAsync(ct));
        services.AddScoped<VolunteerHours>();
        services.AddScoped<OpenBadges>();
        return services;
    }

    /// <summary>Courses, classes and series, bookings and staffing.</summary>
    public static IServiceCollection AddClassesAndBookings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<HolidayCalendar>();
        services.Configure<RosterOptions>(configuration.GetSection(RosterOptions.Section));
        services.CheckSettings<RosterOptions>((roster, _) =>
        [
            SettingsChecks.Between("Roster:UndoMinutes", roster.UndoMinutes, 0, 60),
            SettingsChecks.Between("Roster:UnderFilledBelow", roster.UnderFilledBelow, 0, 100),
            SettingsChecks.Between("Roster:UnderFilledDaysAhead", roster.UnderFilledDaysAhead, 1, 30),
        ]);
        services.AddScoped<BookingService>();
        // Open data: the coming classes (events.csv) and what they achieved (results.csv), on /opendata.
        services.Configure<OpenData.OpenDataOptions>(configuration.GetSection(OpenData.OpenDataOptions.Section));
        services.CheckSettings<OpenData.OpenDataOptions>((open, _) =>
            [string.IsNullOrWhiteSpace(open.Licence) || open.Licence.Length > 100 ? "設定 OpenData:Licence に公開データのライセンス（例: CC BY 4.0）を入れてください。" : null]);
        services.AddScoped<OpenData.EventsFile>();
        services.AddScoped<OpenData.ResultsFile>();
        services.AddMinuteJob("held-seats", (s, ct) => s.GetRequiredService<BookingService>().ReleaseHeldSeatsAsync(ct));
        services.AddScoped<BookingLookup>();
        services.AddScoped<WaitingListLapse>();
        services.AddMinuteJob("waitlist-lapse", (s, ct) => s.GetRequiredService<WaitingListLapse>().LapseDueAsync(ct));
        services.AddScoped<ClassScheduleService>();
        services.AddScoped<CourseService>();
        services.AddScoped<VenueService>();
        services.AddScoped<StaffingService>();
        services.AddSingleton<SessionQueue>();
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

    /// <summary>Residents' personal data: disclosure, erasure on request and the retention rule.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<Privacy.PrivacyOptions>(configuration.GetSection(Privacy.PrivacyOptions.Section));
        services.CheckSettings<Privacy.PrivacyOptions>((privacy, _) => [SettingsChecks.Between("Privacy:RetentionMonths", privacy.RetentionMonths, 1, 120)]);
        services.AddScoped<Privacy.PersonalDataService>();
        services.AddMinuteJob("retention", async (s, ct) =>
        {
            await s.GetRequiredService<Privacy.PersonalDataService>().RetentionSweepAsync(ct);
            return 0; // erasing writes no mail
        });
        services.AddSingleton<Privacy.PrivacyNotice>();
        return services;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }
}
