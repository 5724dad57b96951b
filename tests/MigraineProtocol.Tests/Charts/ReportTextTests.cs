using System.Text.RegularExpressions;
using MigraineProtocol.Localization;
using MigraineProtocol.Tests.Architecture;

namespace MigraineProtocol.Tests.Charts;

/// <summary>The one resource table: every key has English and German text, every German text says where it comes from, and every key the code asks for exists.</summary>
public partial class ReportTextTests
{
    [Fact]
    public void EveryKeyHasEveryLanguageAndAGermanSource()
    {
        Assert.NotEmpty(ReportText.Keys);
        foreach (var key in ReportText.Keys)
        {
            foreach (var language in ReportText.All)
            {
                Assert.False(string.IsNullOrWhiteSpace(language[key]), $"{language.Code} {key}");
            }

            Assert.Matches(@"^(translation|ichd-3-de:\d(\.\d)*)$", ReportText.GermanSource(key));
        }
    }

    [GeneratedRegex("""(?:\bt|\btext)(?:\[|\.Format\(|\.TryText\()\s*"(?<key>[a-z0-9.-]+)"\s*[\],)]""")]
    private static partial Regex KeyUse();

    [Fact]
    public void EveryKeyTheCodeUsesIsInTheTable()
    {
        var src = Path.Combine(LayeringTests.RepositoryRoot(), "src", "MigraineProtocol");
        var used = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}Charts{Path.DirectorySeparatorChar}", StringComparison.Ordinal) || f.Contains($"{Path.DirectorySeparatorChar}Reports{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .Where(k => !k.EndsWith('.'))
            .Distinct()
            .ToList();
        Assert.True(used.Count > 50, $"only {used.Count} keys found: the scan is broken");
        Assert.DoesNotContain(used, k => !ReportText.Keys.Contains(k));
    }

    [Fact]
    public void NumbersAndDatesFollowTheLanguage()
    {
        Assert.Equal("44.8%", ReportText.English.Percent(0.448, 1));
        Assert.Equal("44,8 %", ReportText.German.Percent(0.448, 1));
        Assert.Equal("2 Mar 2026", ReportText.English.Date(new DateOnly(2026, 3, 2)));
        Assert.Equal("02.03.2026", ReportText.German.Date(new DateOnly(2026, 3, 2)));
        Assert.Equal("-2,50", ReportText.German.Number(-2.5, 2));
        Assert.Equal("+1.5", ReportText.English.Signed(1.5, 1));
        Assert.Equal("0.0", ReportText.English.Signed(-0.01, 1));
        Assert.True(ReportText.TryGet("de", out var de) && de == ReportText.German);
        Assert.False(ReportText.TryGet("fr", out _));
        Assert.Throws<KeyNotFoundException>(() => ReportText.English["no.such.key"]);
    }

    [Fact]
    public void TheGermanIchd3TermsAreThoseOfTheGermanEdition()
    {
        // ichd-3.org/de: 1.3 Chronische Migräne; 8.2 Kopfschmerz zurückzuführen auf einen Medikamentenübergebrauch;
        // classes as named in 8.2.1-8.2.6.
        var de = ReportText.German;
        Assert.Contains("Chronische Migräne", de["verdict.ichd3-1.3-chronic-migraine"], StringComparison.Ordinal);
        Assert.Contains("Kopfschmerz zurückzuführen auf einen Medikamentenübergebrauch", de["verdict.ichd3-8.2-medication-overuse"], StringComparison.Ordinal);
        Assert.Equal("Triptane", de["class.triptan"]);
        Assert.Equal("Ergotamine", de["class.ergot"]);
        Assert.Equal("Opioide", de["class.opioid"]);
        Assert.Equal("Nicht-Opioid-Analgetika", de["class.simple-analgesic"]);
        Assert.Equal("Schmerzmittelmischpräparate", de["class.combination-analgesic"]);
        Assert.Equal("ichd-3-de:8.2.5", ReportText.GermanSource("class.combination-analgesic"));
    }
}
