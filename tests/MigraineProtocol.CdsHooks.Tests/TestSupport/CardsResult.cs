using System.Net;
using System.Text.Json;

namespace MigraineProtocol.CdsHooks.Tests.TestSupport;

public sealed record CardView(string Uuid, string Summary, string Detail, string Indicator, string SourceLabel, string TopicCode);

public static class CardsResult
{
    /// <summary>Reads a 200 response's cards, checking every card has the fields the spec requires.</summary>
    public static async Task<List<CardView>> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        using var doc = JsonDocument.Parse(text);
        var cards = new List<CardView>();
        foreach (var c in doc.RootElement.GetProperty("cards").EnumerateArray())
        {
            var summary = c.GetProperty("summary").GetString()!;
            Assert.True(summary.Length < 140, $"summary of {summary.Length} characters: {summary}");
            var indicator = c.GetProperty("indicator").GetString()!;
            Assert.Contains(indicator, new[] { "info", "warning", "critical" });
            var source = c.GetProperty("source");
            Assert.False(string.IsNullOrWhiteSpace(source.GetProperty("label").GetString()));
            Assert.True(Guid.TryParse(c.GetProperty("uuid").GetString(), out _));
            cards.Add(new CardView(c.GetProperty("uuid").GetString()!, summary, c.GetProperty("detail").GetString()!, indicator, source.GetProperty("label").GetString()!, source.GetProperty("topic").GetProperty("code").GetString()!));
        }

        return cards;
    }
}
