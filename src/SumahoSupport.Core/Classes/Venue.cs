namespace SumahoSupport.Core.Classes;

/// <summary>会場: a 公民館 or similar place where classes and consultations happen.</summary>
public sealed class Venue
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Address { get; set; }
    public string? Access { get; set; }
    public string? BarrierFreeNotes { get; set; }
    public string? Phone { get; set; }

    /// <summary>貸出端末: smartphones the venue can lend to residents who own none.</summary>
    public int LoanerDevices { get; set; }

    public bool HasWifi { get; set; }
}
