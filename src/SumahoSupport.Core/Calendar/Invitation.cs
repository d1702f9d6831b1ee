namespace SumahoSupport.Core.Calendar;

/// <summary>Everything one calendar invitation says; <see cref="InvitationWriter"/> turns it into iCalendar text.</summary>
public sealed record Invitation(
    string Uid,
    int Sequence,
    bool Cancelled,
    DateTime StartsAtUtc,
    DateTime EndsAtUtc,
    string Summary,
    string Location,
    string Description,
    string OrganizerEmail,
    string OrganizerName,
    string AttendeeEmail,
    string AttendeeName,
    bool ReplyRequested);
