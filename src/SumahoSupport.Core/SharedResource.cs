namespace SumahoSupport.Core;

/// <summary>
/// The one set of translations for the app: <c>Resources/SharedResource.en.resx</c>, keyed by the Japanese text as it
/// is written in the pages, models and Core (Japanese needs no file: a key is its own Japanese text). Views reach it as
/// <c>L</c>; page models and Core's mail and invitations as <c>IStringLocalizer&lt;SharedResource&gt;</c>; validation
/// attributes through data-annotations localization (docs/ARCHITECTURE.md, "Languages").
/// </summary>
public sealed class SharedResource;
