namespace SumahoSupport.Core.Notifications;

/// <summary>
/// The variables a mail template may use. Every one is always set (empty when it does not apply), so a template can
/// test <c>{% if reason != "" %}</c> and never meets an undefined name.
/// </summary>
public sealed class MailModel
{
    public static readonly IReadOnlyList<string> Names =
    [
        "city_name", "help_phone", "help_hours", "name", "class_title", "class_date", "relative_time",
        "venue_name", "venue_address", "map_url", "things_to_bring", "booking_code", "manage_url", "classes_url",
        "waitlist_position", "reason", "survey_url", "role",
        "setup_url", "level", "valid_until", "certificate_url", "badge_url", "training_url", "topics", "how_to_join", "consultations_url", "respond_url", "supporter_name", "staff_url",
    ];

    private readonly Dictionary<string, object> variables = Names.ToDictionary(n => n, _ => (object)"", StringComparer.Ordinal);

    public IReadOnlyDictionary<string, object> Variables => variables;

    public MailModel Set(string name, object? value)
    {
        if (!variables.ContainsKey(name)) throw new ArgumentException($"Unknown mail variable '{name}'.", nameof(name));
        variables[name] = value ?? "";
        return this;
    }

    /// <summary>Every variable filled, for checking templates at start-up.</summary>
    public static MailModel Sample
    {
        get
        {
            var sample = new MailModel();
            foreach (var name in Names) sample.Set(name, name == "waitlist_position" ? 2 : $"〔{name}〕");
            return sample;
        }
    }
}
