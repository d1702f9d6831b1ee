using Microsoft.Extensions.Localization;
using SumahoSupport.Core;

namespace SumahoSupport.Web.Pages.Shared;

/// <summary>
/// What the public booking forms say when a booking cannot be taken for reasons tied to the phone number. Anyone can
/// type any phone number, so these say what the resident can do next and nothing about anyone's bookings.
/// </summary>
public static class ResidentMessages
{
    public static string AlreadyBooked(IStringLocalizer text, CityOptions city) =>
        text["この電話番号では、この教室にお申し込みいただけません。すでにお申し込みいただいている場合は、お申し込みのときにメールでお送りした予約ページで確認・キャンセルができます。" +
            "メールをお持ちでない方やご家族の分のお申し込みは、{0}（{1}）までお電話ください。", city.HelpPhone, city.LocalHelpHours];

    public static string LimitReached(IStringLocalizer text, CityOptions city) =>
        text["インターネットでお一人がお申し込みいただける数を超えるため、受け付けられませんでした。" +
            "続けてお申し込みになりたい場合は、{0}（{1}）までお電話ください。", city.HelpPhone, city.LocalHelpHours];
}
