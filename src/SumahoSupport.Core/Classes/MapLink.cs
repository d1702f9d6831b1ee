namespace SumahoSupport.Core.Classes;

/// <summary>A map search for a venue's address: opens on any phone, needs no API key. Pages and mail use the same one.</summary>
public static class MapLink
{
    public static string For(string address) => "https://www.google.com/maps/search/?api=1&query=" + Uri.EscapeDataString(address);
}
