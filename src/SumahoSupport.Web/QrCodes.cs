using QRCoder;

namespace SumahoSupport.Web;

/// <summary>QR codes for printed slips, as data: URIs (the CSP allows data: images and nothing inline besides).</summary>
public static class QrCodes
{
    public static string PngDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var renderer = new PngByteQRCode(data);
        var png = renderer.GetGraphic(pixelsPerModule: 6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
