using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SumahoSupport.Core.Observability;

/// <summary>
/// What a city's operators watch (README, "Production"): bookings, promotions and cancellations, mail sent, failed and
/// given up on and how long the oldest unsent mail has waited, survey answers, consultations. Counted after the change
/// committed, so a rolled-back booking is not counted; nothing about who — no tag carries a name, phone or code.
/// </summary>
public sealed class AppMetrics
{
    public const string MeterName = "SumahoSupport";

    /// <summary>Traces of the app's own work beside ASP.NET Core's and EF Core's: the outbox dispatch.</summary>
    public static readonly ActivitySource Activities = new(MeterName);

    private readonly Counter<long> bookingsConfirmed;
    private readonly Counter<long> bookingsWaitlisted;
    private readonly Counter<long> promotions;
    private readonly Counter<long> cancellations;
    private readonly Counter<long> mailsSent;
    private readonly Counter<long> mailsFailed;
    private readonly Counter<long> mailsDead;
    private readonly Counter<long> surveyResponses;
    private readonly Counter<long> consultationsBooked;
    private readonly Counter<long> jobsFailed;
    private double oldestPendingMailSeconds;

    public AppMetrics(IMeterFactory meters)
    {
#pragma warning disable CA2000 // The meter factory owns the meters it creates and disposes them with the app.
        var meter = meters.Create(MeterName);
#pragma warning restore CA2000
        bookingsConfirmed = meter.CreateCounter<long>("sumaho.bookings.confirmed", "{booking}", "Seats taken in classes (web, phone, counter, walk-in).");
        bookingsWaitlisted = meter.CreateCounter<long>("sumaho.bookings.waitlisted", "{booking}", "Places taken on a class's waiting list.");
        promotions = meter.CreateCounter<long>("sumaho.bookings.promoted", "{booking}", "Waiting places given a freed seat.");
        cancellations = meter.CreateCounter<long>("sumaho.bookings.cancelled", "{booking}", "Class bookings cancelled (by residents, staff or a cancelled class).");
        mailsSent = meter.CreateCounter<long>("sumaho.messages.sent", "{message}", "Messages a provider accepted, by channel (mail, line, sms, voice).");
        mailsFailed = meter.CreateCounter<long>("sumaho.messages.failed", "{message}", "Failed attempts to send a message (retried with backoff), by channel.");
        mailsDead = meter.CreateCounter<long>("sumaho.messages.dead", "{message}", "Messages given up on after the last attempt, waiting for a coordinator, by channel.");
        surveyResponses = meter.CreateCounter<long>("sumaho.survey.responses", "{response}", "Survey responses received, by channel.");
        consultationsBooked = meter.CreateCounter<long>("sumaho.consultations.booked", "{consultation}", "Consultations booked, by channel.");
        jobsFailed = meter.CreateCounter<long>("sumaho.jobs.failed", "{run}", "Minute-loop job runs that failed, by job (the others ran).");
        meter.CreateObservableGauge("sumaho.outbox.oldest_age", () => Volatile.Read(ref oldestPendingMailSeconds), "s",
            "How long the oldest mail not yet sent has waited; grows when mail stops.");
    }

    public void BookingTaken(bool seat, string channel) => (seat ? bookingsConfirmed : bookingsWaitlisted).Add(1, Channel(channel));

    public void Promoted(int count) => Add(promotions, count);

    public void Cancelled(int count) => Add(cancellations, count);

    /// <summary>One outcome of the outbox, tagged with its channel (never with an address, a phone or a LINE user).</summary>
    public void MessageSent(Notifications.MessageChannel channel) => mailsSent.Add(1, Channel(channel));

    public void MessageFailed(Notifications.MessageChannel channel, bool dead)
    {
        mailsFailed.Add(1, Channel(channel));
        if (dead) mailsDead.Add(1, Channel(channel));
    }

    private static KeyValuePair<string, object?> Channel(Notifications.MessageChannel channel) =>
        Channel(channel.ToString().ToLowerInvariant());

    /// <summary>The age of the oldest unsent mail, as the dispatcher last saw it (0 when none waits).</summary>
    public void OutboxWaiting(TimeSpan oldest) => Volatile.Write(ref oldestPendingMailSeconds, Math.Max(0, oldest.TotalSeconds));

    public void SurveyAnswered(string channel) => surveyResponses.Add(1, Channel(channel));

    public void ConsultationBooked(string channel) => consultationsBooked.Add(1, Channel(channel));

    public void JobFailed(string job) => jobsFailed.Add(1, new KeyValuePair<string, object?>("job", job));

    private static KeyValuePair<string, object?> Channel(string channel) => new("channel", channel);

    private static void Add(Counter<long> counter, int count)
    {
        if (count > 0) counter.Add(count);
    }
}
