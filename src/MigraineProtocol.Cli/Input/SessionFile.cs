using System.Globalization;
using System.Text.Json;
using MigraineProtocol.Cli.Output;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Cli.Input;

/// <summary>
/// Reads and writes a session file:
/// <c>{"date": "2026-03-02", "injections": [{"site": "procerus", "units": 5}, ...], "product"?, "lot"?, "expiry"?, "reconstitution"?: {"vialUnits": 100, "diluentMl": 2}}</c>.
/// Reading is strict: unknown or missing properties, wrong types and invalid values are errors naming
/// the file, line, column and JSON path.
/// </summary>
/// <remarks>
/// Interim reader of the fhir commands until the library's session JSON (SessionJson, issue 3) is on
/// main; the format is the same, so swapping it in changes no file.
/// </remarks>
internal static class SessionFile
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    internal static TreatmentSession Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"{path}: the session file does not exist.");
        }

        return Parse(File.ReadAllText(path), path);
    }

    internal static TreatmentSession Parse(string json, string source)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new CliException($"{source}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: not valid JSON: {FirstSentence(e.Message)}");
        }

        using (doc)
        {
            var r = new Reader(source);
            var root = doc.RootElement;
            r.Object(root, "$", ["date", "injections"], ["product", "lot", "expiry", "reconstitution"]);
            var date = r.Date(root, "date", "$");
            var injections = new List<Injection>();
            if (r.Get(root, "injections", "$", JsonValueKind.Array) is { } array)
            {
                var i = 0;
                foreach (var item in array.EnumerateArray())
                {
                    var at = $"$.injections[{i.ToString(CultureInfo.InvariantCulture)}]";
                    if (r.Object(item, at, ["site", "units"], []))
                    {
                        var siteText = r.String(item, "site", at);
                        var units = r.Units(item, "units", at);
                        if (siteText is not null && !SiteId.TryParse(siteText, out var site))
                        {
                            r.Problem($"{at}.site", $"'{siteText}' is not a site id (lower-case kebab-case, for example 'temporalis-left-1' or 'temporalis-left-ftp').");
                        }
                        else if (siteText is not null && units is not null)
                        {
                            injections.Add(new Injection(SiteId.Parse(siteText), units.Value));
                        }
                    }

                    i++;
                }
            }

            var product = r.OptionalString(root, "product", "$");
            var lot = r.OptionalString(root, "lot", "$");
            DateOnly? expiry = root.TryGetProperty("expiry", out _) ? r.Date(root, "expiry", "$") : null;
            Reconstitution? reconstitution = null;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("reconstitution", out var rec) && r.Object(rec, "$.reconstitution", ["vialUnits", "diluentMl"], []))
            {
                var vial = r.Units(rec, "vialUnits", "$.reconstitution");
                var diluent = r.Millilitres(rec, "diluentMl", "$.reconstitution");
                if (vial is { } v && diluent is { } d)
                {
                    if (v == ToxinUnits.Zero || d == Volume.Zero)
                    {
                        r.Problem("$.reconstitution", "a vial holds more than 0 U and takes more than 0 mL of diluent.");
                    }
                    else
                    {
                        reconstitution = new Reconstitution(v, d);
                    }
                }
            }

            r.ThrowIfAny();
            return new TreatmentSession(date!.Value, injections, product, lot, expiry, reconstitution);
        }
    }

    internal static void Write(TextWriter output, TreatmentSession session) => JsonOutput.Write(output, w =>
    {
        w.WriteStartObject();
        w.WriteString("date", session.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteStartArray("injections");
        foreach (var i in session.Injections)
        {
            w.WriteStartObject();
            w.WriteString("site", i.Site.Value);
            w.WriteUnits("units", i.Units);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (session.Product is not null)
        {
            w.WriteString("product", session.Product);
        }

        if (session.Lot is not null)
        {
            w.WriteString("lot", session.Lot);
        }

        if (session.Expiry is { } e)
        {
            w.WriteString("expiry", e.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (session.Reconstitution is { } r)
        {
            w.WriteStartObject("reconstitution");
            w.WriteUnits("vialUnits", r.VialUnits);
            w.WriteMillilitres("diluentMl", r.Diluent);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    });

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }

    /// <summary>Collects every problem with its JSON path.</summary>
    private sealed class Reader(string source)
    {
        private readonly List<string> problems = [];

        internal void Problem(string path, string message) => problems.Add($"{source}: {path}: {message}");

        internal void ThrowIfAny()
        {
            if (problems.Count > 0)
            {
                throw new CliException(problems.Count == 1 ? problems[0] : $"{source}: {problems.Count} problems:" + string.Concat(problems.Select(p => "\n  " + p)));
            }
        }

        internal bool Object(JsonElement e, string path, string[] required, string[] optional)
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                Problem(path, $"expected an object, found {Kind(e)}.");
                return false;
            }

            foreach (var p in e.EnumerateObject())
            {
                if (!required.Contains(p.Name, StringComparer.Ordinal) && !optional.Contains(p.Name, StringComparer.Ordinal))
                {
                    Problem($"{path}.{p.Name}", $"unknown property; expected {string.Join(", ", required.Concat(optional))}.");
                }
            }

            foreach (var name in required.Where(n => !e.TryGetProperty(n, out _)))
            {
                Problem($"{path}.{name}", "missing required property.");
            }

            return true;
        }

        internal JsonElement? Get(JsonElement parent, string name, string path, JsonValueKind kind)
        {
            if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var v))
            {
                return null;
            }

            if (v.ValueKind != kind)
            {
                Problem($"{path}.{name}", $"expected {Article(kind)}, found {Kind(v)}.");
                return null;
            }

            return v;
        }

        internal string? String(JsonElement parent, string name, string path) => Get(parent, name, path, JsonValueKind.String)?.GetString();

        internal string? OptionalString(JsonElement parent, string name, string path)
        {
            var s = String(parent, name, path);
            if (s is not null && (s.Length == 0 || s.Trim().Length != s.Length))
            {
                Problem($"{path}.{name}", "must not be empty or start or end with white space.");
                return null;
            }

            return s;
        }

        internal DateOnly? Date(JsonElement parent, string name, string path)
        {
            var s = String(parent, name, path);
            if (s is null)
            {
                return null;
            }

            if (!DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                Problem($"{path}.{name}", $"'{s}' is not a date (yyyy-MM-dd).");
                return null;
            }

            return d;
        }

        internal ToxinUnits? Units(JsonElement parent, string name, string path)
        {
            var n = Get(parent, name, path, JsonValueKind.Number);
            if (n is null)
            {
                return null;
            }

            if (!n.Value.TryGetDecimal(out var value) || !ToxinUnits.TryFromUnits(value, out var units))
            {
                Problem($"{path}.{name}", $"{n.Value.GetRawText()} is not an amount of units (0 or more, at most two decimal places).");
                return null;
            }

            return units;
        }

        internal Volume? Millilitres(JsonElement parent, string name, string path)
        {
            var n = Get(parent, name, path, JsonValueKind.Number);
            if (n is null)
            {
                return null;
            }

            if (!n.Value.TryGetDecimal(out var value) || !Volume.TryFromMillilitres(value, out var volume))
            {
                Problem($"{path}.{name}", $"{n.Value.GetRawText()} is not a volume in mL (0 or more, at most three decimal places).");
                return null;
            }

            return volume;
        }

        private static string Kind(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        };

        private static string Article(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            _ => "an object",
        };
    }
}
