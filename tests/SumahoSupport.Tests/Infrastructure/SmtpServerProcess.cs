using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace SumahoSupport.Tests.Infrastructure;

/// <summary>
/// A real SMTP server process on loopback (aiosmtpd, Debian's python3-aiosmtpd), which saves what it receives so
/// tests can read it with MimeKit. It can be stopped and started again on the same port.
/// </summary>
public sealed class SmtpServerProcess : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private Process? process;

    public SmtpServerProcess()
    {
        Port = FreePort();
        Start();
    }

    public int Port { get; }

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "sumaho-smtp", Guid.NewGuid().ToString("N"));

    public void Start()
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Mail", "smtp_capture.py"));
        start.ArgumentList.Add(Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(Directory);
        process = Process.Start(start) ?? throw new InvalidOperationException("could not start the SMTP server");
        var ready = process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(20)) || ready.Result != "ready")
            throw new InvalidOperationException("SMTP server did not start: " + process.StandardError.ReadToEnd());
    }

    public void Stop()
    {
        if (process is null) return;
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        process.Dispose();
        process = null;
    }

    public IReadOnlyList<MimeMessage> Received() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory, "*.eml").Select(f => MimeMessage.Load(f)).OrderBy(m => m.Date).ToList()
            : [];

    public void Clear()
    {
        foreach (var file in System.IO.Directory.GetFiles(Directory, "*.eml")) File.Delete(file);
    }

    public void Dispose()
    {
        Stop();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS to clean
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The app sending through the real SMTP server above.</summary>
public sealed class SmtpAppFactory : AppFactory
{
    public SmtpServerProcess Smtp { get; } = new();

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Mail:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:Smtp:Security", "None");
        builder.UseSetting("Mail:From", "noreply@midori.example.jp");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Smtp.Dispose();
    }
}
