using System.Text;
using MigraineProtocol.CdsHooks.Protocol;
using MigraineProtocol.Input;

namespace MigraineProtocol.CdsHooks.Tests;

/// <summary>
/// The request reader on its own (issue 12, ADR 0150): for any body it returns a request or problems, never
/// throws; problems are the library's <see cref="InputProblem"/>s, in its words, placed, one line each.
/// </summary>
public sealed class RequestReaderTests
{
    private static readonly string[] DotNetWords = ["Exception", "System.", "(Parameter", "LineNumber", "BytePositionInLine", "isFinalBlock", "reader options", "JsonTokenType", "Path: $"];

    private static IEnumerable<string> Examples() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "cds-hooks"), "*-*.json").Where(f => Path.GetFileName(f).StartsWith("order-sign", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("patient-view", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    private static void AssertReadsOrProblems(byte[] body, string hook)
    {
        var read = CdsRequestReader.TryRead(body, hook, hook == "order-sign", 32, out var request, out var problems);
        Assert.Equal(read, request is not null);
        Assert.Equal(read, problems.IsEmpty);
        Assert.True(problems.Length <= InputLimits.MaxProblems + 1);
        foreach (var p in problems)
        {
            Assert.Equal(CdsRequestReader.SourceName, p.Source);
            Assert.True(p.Code == InputProblemCodes.TooManyProblems || p.Line is > 0 && p.Column is > 0, p.ToString());
            Assert.DoesNotContain(p.ToString(), c => char.IsControl(c) || char.IsSurrogate(c));
            foreach (var word in DotNetWords)
            {
                Assert.DoesNotContain(word, p.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Every_example_reads()
    {
        foreach (var file in Examples())
        {
            var hook = Path.GetFileName(file).StartsWith("order-sign", StringComparison.Ordinal) ? "order-sign" : "patient-view";
            Assert.True(CdsRequestReader.TryRead(File.ReadAllBytes(file), hook, hook == "order-sign", 32, out var request, out var problems), file + ": " + string.Join("\n", problems));
            Assert.Equal(hook, request.Hook);
        }
    }

    [Fact]
    public void Every_example_cut_anywhere_or_given_a_hostile_token_reads_or_gives_problems()
    {
        string[] hostile = ["\\ud800", "\\udfff\\ud800", "\u0000", "\"\"", "null", "[", "]", "{", "}", ",", "//", "'x'", "1e999", "-0", "\"\\u202E\"", "\uFEFF", "\"resourceType\":\"Bundle\",\"\":1,", "{\"resourceType\":\"Bundle\",\"\":1}", "\"\\u0000\\n\":1,"];
        var random = new Random(150);
        foreach (var file in Examples())
        {
            var hook = Path.GetFileName(file).StartsWith("order-sign", StringComparison.Ordinal) ? "order-sign" : "patient-view";
            var text = File.ReadAllText(file);
            for (var i = 0; i < 40; i++)
            {
                var at = random.Next(text.Length);
                AssertReadsOrProblems(Encoding.UTF8.GetBytes(text[..at]), hook);
                AssertReadsOrProblems(Encoding.UTF8.GetBytes(text[..at] + hostile[random.Next(hostile.Length)] + text[at..]), hook);
                var bytes = Encoding.UTF8.GetBytes(text);
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                AssertReadsOrProblems(bytes, hook);
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n")]
    [InlineData("\uFEFF")]
    [InlineData("null")]
    [InlineData("\"order-sign\"")]
    [InlineData("{\"hook\":\"order-sign\",\"hookInstance\":\"x\",\"context\":{\"userId\":\"u\",\"patientId\":\"p\",\"draftOrders\":{\"resourceType\":\"Bundle\",\"\":1}}}")]
    [InlineData("{\"hook\":\"order-sign\",\"hookInstance\":\"x\",\"context\":{\"userId\":\"u\",\"patientId\":\"p\",\"draftOrders\":{\"resourceType\":\"Nope\"}}}")]
    [InlineData("{\"hook\":\"order-sign\",\"hookInstance\":\"x\",\"context\":{\"userId\":\"u\",\"patientId\":\"p\",\"draftOrders\":{\"resourceType\":\"Patient\"}}}")]
    [InlineData("{\"hook\":\"order-sign\",\"hookInstance\":\"x\",\"context\":{\"userId\":\"u\",\"patientId\":\"p\",\"draftOrders\":{\"resourceType\":\"Bundle\"}},\"prefetch\":{\"a\\u001b[31m\\n\":1}}")]
    [InlineData("{\"hook\":\"order-sign\",\"hookInstance\":\"x\",\"fhirServer\":\"ftp://x\",\"fhirAuthorization\":[],\"context\":[]}")]
    [InlineData("{\"\\ud800\":1}")]
    [InlineData("{\"hook\":\"order-sign\"/* c */}")]
    [InlineData("{'hook':'order-sign'}")]
    [InlineData("{\"hook\":\"order\tsign\"}")]
    public void Hostile_bodies_give_problems_in_the_librarys_words(string json)
    {
        AssertReadsOrProblems(Encoding.UTF8.GetBytes(json), "order-sign");
        Assert.False(CdsRequestReader.TryRead(Encoding.UTF8.GetBytes(json), "order-sign", true, 32, out _, out _));
    }

    [Fact]
    public void A_prefetch_key_is_echoed_escaped()
    {
        var json = "{\"hook\":\"patient-view\",\"hookInstance\":\"x\",\"context\":{\"userId\":\"u\",\"patientId\":\"p\"},\"prefetch\":{\"k\\u001b[2J\\n\":1}}";
        Assert.False(CdsRequestReader.TryRead(Encoding.UTF8.GetBytes(json), "patient-view", false, 32, out _, out var problems));
        var p = Assert.Single(problems);
        Assert.Equal("request:1:111: $.prefetch.k\\u001B[2J\\n: the value is a number; expected a FHIR resource object.", p.ToString());
    }

    [Fact]
    public void Columns_count_utf16_code_units_not_bytes()
    {
        // 'é' is 2 bytes and 1 code unit; '😀' is 4 bytes and 2 code units.
        var json = "{\"hook\":\"order-sign\",\n\"hookInstance\":\"é😀\", \"context\": 5}";
        Assert.False(CdsRequestReader.TryRead(Encoding.UTF8.GetBytes(json), "order-sign", true, 32, out _, out var problems));
        Assert.Equal("request:2:34: $.context: the value is a number; expected an object.", Assert.Single(problems).ToString());
    }

    [Fact]
    public void Two_draft_medications_with_one_id_are_a_problem_not_a_500()
    {
        // Found by the cds-hooks fuzz target (findings/cds-hooks/two-medications-with-one-id.json): the cards threw ArgumentException.
        var file = Path.Combine(AppContext.BaseDirectory, "TestData", "cds-hooks", "order-sign-on-schedule.json");
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))!;
        var entries = node["context"]!["draftOrders"]!["entry"]!.AsArray();
        entries.Add(System.Text.Json.Nodes.JsonNode.Parse("{\"resource\":{\"resourceType\":\"Medication\",\"id\":\"m1\"}}"));
        entries.Add(System.Text.Json.Nodes.JsonNode.Parse("{\"resource\":{\"resourceType\":\"Medication\",\"id\":\"m1\"}}"));
        Assert.False(CdsRequestReader.TryRead(Encoding.UTF8.GetBytes(node.ToJsonString()), "order-sign", true, 32, out _, out var problems));
        var p = Assert.Single(problems);
        Assert.Equal(InputProblemCodes.Duplicate, p.Code);
        Assert.Equal("$.context.draftOrders", p.Location);
        Assert.Equal("two Medication resources have the id 'm1'; a reference 'Medication/m1' would be ambiguous.", p.Message);
    }

    [Fact]
    public void A_byte_order_mark_is_skipped()
    {
        var file = Examples().First();
        var bytes = Encoding.UTF8.GetPreamble().Concat(File.ReadAllBytes(file)).ToArray();
        Assert.True(CdsRequestReader.TryRead(bytes, "order-sign", true, 32, out _, out var problems), string.Join("\n", problems));
    }
}
