using System.Globalization;
using System.Text;

namespace MigraineProtocol.Benchmarks.Input;

/// <summary>Valid inputs of about a given size for each reader (docs/quality.md, "Linear time").</summary>
internal static class LargeInputs
{
    internal const string Cite = """{"source": "S1", "locator": "bench", "verification": "unverified"}""";

    internal static string Session(int bytes)
    {
        var text = new StringBuilder("{\"date\": \"2026-03-02\", \"injections\": [\n");
        for (var i = 0; text.Length < bytes; i++)
        {
            text.Append(i == 0 ? string.Empty : ",\n").Append("{\"site\": \"temporalis-left-").Append(1 + (i % 9)).Append("\", \"units\": 1}");
        }

        return text.Append("]}").ToString();
    }

    internal static string History(int bytes)
    {
        var text = new StringBuilder("{\"administrations\": [\n");
        var start = new DateOnly(1950, 1, 1);
        for (var i = 0; text.Length < bytes; i++)
        {
            text.Append(i == 0 ? string.Empty : ",\n").Append(CultureInfo.InvariantCulture, $"{{\"date\": \"{start.AddDays(i % 300_000):yyyy-MM-dd}\", \"units\": 155, \"indication\": \"chronic-migraine\"}}");
        }

        return text.Append("]}").ToString();
    }

    /// <summary>A definition file of one region, one muscle and as many left/right sites as fit, with a protocol over them all.</summary>
    internal static string Definitions(int bytes) => DefinitionsWithSites(SitesFor(bytes));

    internal static string DefinitionsWithSites(int sites)
    {
        var text = new StringBuilder();
        text.Append("{\"regions\": [{\"id\": \"bench-region\", \"name\": \"Bench\", \"muscles\": [\"bench\"]}],\n");
        text.Append("\"muscles\": [{\"id\": \"bench\", \"name\": \"Bench\", \"region\": \"bench-region\", \"source\": ").Append(Cite).Append("}],\n\"sites\": [\n");
        var random = new Random(5);
        var ids = new List<string>();
        for (var i = 0; i < sites; i++)
        {
            var side = i % 2 == 0 ? "left" : "right";
            var id = $"bench-{side}-{(i / 2) + 1}";
            ids.Add(id);
            text.Append(i == 0 ? string.Empty : ",\n").Append(CultureInfo.InvariantCulture, $"{{\"id\": \"{id}\", \"muscle\": \"bench\", \"side\": \"{side}\", \"ordinal\": {(i / 2) + 1}, \"landmark\": {{\"description\": \"d\", \"source\": {Cite}}}, \"drawing\": [{{\"view\": \"front\", \"x\": {random.NextDouble():0.000}, \"y\": {random.NextDouble():0.000}}}]}}");
        }

        text.Append("],\n\"protocols\": [{\"id\": \"bench\", \"name\": \"Bench\", \"description\": \"d\", \"retreatmentIntervalDays\": 84, \"sources\": [").Append(Cite).Append("], \"sites\": [\n");
        text.Append(string.Join(",\n", ids.Select(id => $"{{\"site\": \"{id}\", \"units\": 1}}")));
        return text.Append("]}]}").ToString();
    }

    internal static int SitesFor(int bytes) => Math.Max(2, bytes / 250 / 2 * 2);

    internal static string Diary(int bytes)
    {
        var text = new StringBuilder("date,headache,migraine,acute_medication,duration_hours,severity\n");
        var start = new DateOnly(1900, 1, 1);
        for (var i = 0; text.Length < bytes; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{start.AddDays(i):yyyy-MM-dd},")
                .Append(i % 3 == 0 ? "1,1,triptan,4.5,severe\n" : i % 3 == 1 ? "1,0,simple-analgesic,,mild\n" : "0,0,,,\n");
        }

        return text.ToString();
    }

    internal static string Cohort(int bytes)
    {
        var text = new StringBuilder("patient_id,arm,baseline_headache_days,followup_headache_days\n");
        for (var i = 0; text.Length < bytes; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"P{i},{(i % 2 == 0 ? "treatment" : "placebo")},{18 + (i % 10)},{(i % 17) + 0.5}\n");
        }

        return text.ToString();
    }
}
