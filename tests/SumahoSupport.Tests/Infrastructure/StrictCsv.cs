using System.Text;

namespace SumahoSupport.Tests.Infrastructure;

/// <summary>
/// An RFC 4180 reader that forgives nothing: records end in CRLF (the last one too), a field is either plain (no quote,
/// comma, CR or LF in it) or wholly quoted with quotes doubled inside, and every record has as many fields as the header.
/// Anything else throws, naming the record — the way a strict harvester would refuse the file.
/// </summary>
public static class StrictCsv
{
    public static List<List<string>> Parse(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') throw new FormatException("a byte-order mark before the header");
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                if (field.Length > 0) throw new FormatException($"record {records.Count + 1}: a quote inside a plain field");
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new FormatException($"record {records.Count + 1}: a quoted field never closed");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    field.Append(text[i++]);
                }
                if (i < text.Length && text[i] is not (',' or '\r')) throw new FormatException($"record {records.Count + 1}: text after a closing quote");
                continue;
            }
            switch (text[i])
            {
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    i++;
                    break;
                case '\r':
                    if (i + 1 >= text.Length || text[i + 1] != '\n') throw new FormatException($"record {records.Count + 1}: a CR without LF");
                    record.Add(field.ToString());
                    field.Clear();
                    records.Add(record);
                    record = [];
                    i += 2;
                    break;
                case '\n':
                    throw new FormatException($"record {records.Count + 1}: a bare LF");
                default:
                    field.Append(text[i++]);
                    break;
            }
        }
        if (record.Count > 0 || field.Length > 0) throw new FormatException("the last record does not end in CRLF");
        if (records.Count == 0) throw new FormatException("no header");
        var width = records[0].Count;
        for (var r = 1; r < records.Count; r++)
            if (records[r].Count != width) throw new FormatException($"record {r + 1} has {records[r].Count} fields, the header {width}");
        return records;
    }

    /// <summary>The records after the header, each as a dictionary by column name.</summary>
    public static List<Dictionary<string, string>> Rows(string text)
    {
        var records = Parse(text);
        return [.. records.Skip(1).Select(r => records[0].Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))];
    }
}
