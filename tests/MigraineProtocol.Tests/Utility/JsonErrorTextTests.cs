using MigraineProtocol.Serialization;

namespace MigraineProtocol.Tests.Utility;

/// <summary>Messages about malformed JSON speak of the file's format, never of .NET types.</summary>
public class JsonErrorTextTests
{
    [Theory]
    [InlineData("[]", "s.json:1:2: $: the value is not an object.")]
    [InlineData("""{"date": "2026-03-02", "injections": {}}""", "$.injections: the value is not an array.")]
    [InlineData("""{"date": "2026-03-02", "injections": [], "colour": 1}""", "$.colour: unknown property 'colour'; the format does not have it (check the spelling).")]
    [InlineData("""{"injections": []}""", "$: missing required property 'date'.")]
    [InlineData("""{"date": "2026-03-02", "injections": [}""", "$.injections[0]: '}' is an invalid start of a value.")]
    public void MalformedJsonIsDescribedInTheFormatsTerms(string json, string expected)
    {
        Assert.False(SessionJson.TryRead(json, "s.json", out _, out var problems));
        var problem = Assert.Single(problems);
        Assert.EndsWith(expected, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("MigraineProtocol.", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(".NET", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", problem, StringComparison.Ordinal);
    }
}
