using System.Globalization;
using System.Text;
using System.Xml;

namespace MigraineProtocol.Charts;

/// <summary>
/// A small SVG writer shared by the charts: an <see cref="XmlWriter"/> (escaping is its job) with
/// invariant numbers of one fixed decimal, so that the same chart gives the same bytes everywhere.
/// </summary>
internal sealed class ChartSvg : IDisposable
{
    internal const string Ns = "http://www.w3.org/2000/svg";

    /// <summary>The font stack of every chart (the maps use the same).</summary>
    internal const string FontFamily = "DejaVu Sans, Verdana, Arial, sans-serif";

    /// <summary>The shared look of the charts. Class names start with <c>ch-</c> so that they cannot meet the site map's when both are inlined in one HTML page.</summary>
    internal const string BaseCss =
        ".ch-bg{fill:#ffffff}"
        + ".ch-title{font-size:16px;font-weight:bold;fill:#111}"
        + ".ch-subtitle{font-size:11px;fill:#333}"
        + ".ch-heading{font-size:12px;font-weight:bold;fill:#111}"
        + ".ch-axis{stroke:#444;stroke-width:1}"
        + ".ch-grid{stroke:#e3e3e3;stroke-width:1}"
        + ".ch-tick{font-size:9px;fill:#444}"
        + ".ch-label{font-size:10px;fill:#222}"
        + ".ch-value{font-size:9px;fill:#111}"
        + ".ch-note{font-size:10px;fill:#555}"
        + ".ch-key{font-size:10px;fill:#222}"
        + ".ch-line-label{font-size:9.5px;fill:#111}"
        + ".ch-unrecorded{stroke:#777;stroke-width:0.6;stroke-dasharray:2 1.5}";

    private readonly XmlWriter w;

    private ChartSvg(XmlWriter writer, string idPrefix)
    {
        w = writer;
        Hatch = $"url(#{idPrefix}-hatch)";
    }

    /// <summary>Gets the fill of unrecorded days: a grey diagonal hatch (a pattern, not a colour, so that it reads without colour).</summary>
    internal string Hatch { get; }

    /// <summary>Starts a document: the root element with its size, title, description, style and white background.</summary>
    internal static ChartSvg Start(StringBuilder output, string idPrefix, string kind, double width, double height, string title, string description, string css)
    {
        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
            OmitXmlDeclaration = true,
            CloseOutput = false,
        };
        var svg = new ChartSvg(XmlWriter.Create(new StringWriter(output, CultureInfo.InvariantCulture), settings), idPrefix);
        var w = svg.w;
        w.WriteStartElement("svg", Ns);
        w.WriteAttributeString("version", "1.1");
        w.WriteAttributeString("class", "ch-chart");
        w.WriteAttributeString("width", N(width));
        w.WriteAttributeString("height", N(height));
        w.WriteAttributeString("viewBox", $"0 0 {N(width)} {N(height)}");
        w.WriteAttributeString("role", "img");
        w.WriteAttributeString("aria-labelledby", $"{idPrefix}-title {idPrefix}-desc");
        w.WriteAttributeString("font-family", FontFamily);
        w.WriteAttributeString("data-chart", kind);
        w.WriteStartElement("title", Ns);
        w.WriteAttributeString("id", $"{idPrefix}-title");
        w.WriteString(title);
        w.WriteEndElement();
        w.WriteStartElement("desc", Ns);
        w.WriteAttributeString("id", $"{idPrefix}-desc");
        w.WriteString(description);
        w.WriteEndElement();
        w.WriteStartElement("defs", Ns);
        w.WriteStartElement("pattern", Ns);
        w.WriteAttributeString("id", $"{idPrefix}-hatch");
        w.WriteAttributeString("patternUnits", "userSpaceOnUse");
        w.WriteAttributeString("width", "4");
        w.WriteAttributeString("height", "4");
        w.WriteAttributeString("patternTransform", "rotate(45)");
        svg.Element("rect", ("width", "4"), ("height", "4"), ("fill", "#f2f2f2"));
        svg.Element("line", ("x1", "0"), ("y1", "0"), ("x2", "0"), ("y2", "4"), ("stroke", "#8a8a8a"), ("stroke-width", "1.4"));
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement("style", Ns);
        w.WriteString(BaseCss + css);
        w.WriteEndElement();
        svg.Element("rect", ("class", "ch-bg"), ("width", N(width)), ("height", N(height)));
        return svg;
    }

    internal void StartGroup(string cssClass, params (string Name, string Value)[] attributes)
    {
        w.WriteStartElement("g", Ns);
        if (cssClass.Length > 0)
        {
            w.WriteAttributeString("class", cssClass);
        }

        foreach (var (n, v) in attributes)
        {
            w.WriteAttributeString(n, v);
        }
    }

    internal void EndGroup() => w.WriteEndElement();

    internal void Title(string title)
    {
        w.WriteStartElement("title", Ns);
        w.WriteString(title);
        w.WriteEndElement();
    }

    internal void Element(string name, params (string Name, string Value)[] attributes)
    {
        w.WriteStartElement(name, Ns);
        foreach (var (n, v) in attributes)
        {
            w.WriteAttributeString(n, v);
        }

        w.WriteEndElement();
    }

    /// <summary>A rectangle, optionally with a <c>&lt;title&gt;</c> (its text alternative on hover and for assistive technology).</summary>
    internal void Rect(string cssClass, double x, double y, double width, double height, string? title = null, params (string Name, string Value)[] attributes)
    {
        w.WriteStartElement("rect", Ns);
        w.WriteAttributeString("class", cssClass);
        w.WriteAttributeString("x", N(x));
        w.WriteAttributeString("y", N(y));
        w.WriteAttributeString("width", N(Math.Max(0, width)));
        w.WriteAttributeString("height", N(Math.Max(0, height)));
        foreach (var (n, v) in attributes)
        {
            w.WriteAttributeString(n, v);
        }

        if (title is not null)
        {
            w.WriteStartElement("title", Ns);
            w.WriteString(title);
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    internal void Line(string cssClass, double x1, double y1, double x2, double y2, params (string Name, string Value)[] attributes)
    {
        w.WriteStartElement("line", Ns);
        w.WriteAttributeString("class", cssClass);
        w.WriteAttributeString("x1", N(x1));
        w.WriteAttributeString("y1", N(y1));
        w.WriteAttributeString("x2", N(x2));
        w.WriteAttributeString("y2", N(y2));
        foreach (var (n, v) in attributes)
        {
            w.WriteAttributeString(n, v);
        }

        w.WriteEndElement();
    }

    internal void Text(string text, double x, double y, string cssClass, params (string Name, string Value)[] attributes)
    {
        w.WriteStartElement("text", Ns);
        w.WriteAttributeString("class", cssClass);
        w.WriteAttributeString("x", N(x));
        w.WriteAttributeString("y", N(y));
        foreach (var (n, v) in attributes)
        {
            w.WriteAttributeString(n, v);
        }

        w.WriteString(text);
        w.WriteEndElement();
    }

    public void Dispose()
    {
        w.WriteEndElement();
        w.Flush();
        w.Dispose();
    }

    internal static string N(double value) => (Math.Round(value, 1, MidpointRounding.AwayFromZero) + 0.0).ToString("F1", CultureInfo.InvariantCulture);

    internal static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A conservative width estimate of text in DejaVu Sans/Verdana (0.62 em per character), used to keep labels apart.</summary>
    internal static double TextWidth(string text, double fontSize) => text.Length * fontSize * 0.62;
}
