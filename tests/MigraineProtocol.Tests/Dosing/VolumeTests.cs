using FsCheck.Xunit;
using MigraineProtocol.Dosing;
using MigraineProtocol.Tests.Arbitraries;

namespace MigraineProtocol.Tests.Dosing;

[Properties(Arbitrary = [typeof(DomainArbitraries)])]
public class VolumeTests
{
    [Property]
    public bool ToStringThenParseIsIdentity(Volume v) => Volume.Parse(v.ToString()) == v;

    [Property]
    public bool AdditionAgreesWithDecimalOracle(Volume a, Volume b) => (a + b).Millilitres == a.Millilitres + b.Millilitres && (a + b) - b == a;

    [Property]
    public bool CompareAgreesWithOracle(Volume a, Volume b) => a.CompareTo(b) == a.Millilitres.CompareTo(b.Millilitres);

    [Theory]
    [InlineData("0.1 mL", 0.1)]
    [InlineData("2", 2)]
    [InlineData("4mL", 4)]
    [InlineData("0.125 mL", 0.125)]
    public void Parses(string text, double ml) => Assert.Equal((decimal)ml, Volume.Parse(text).Millilitres);

    [Theory]
    [InlineData("-0.1")]
    [InlineData("0,1")]
    [InlineData("0.0001")]
    [InlineData("2 U")]
    public void Rejects(string text) => Assert.Throws<FormatException>(() => Volume.Parse(text));

    [Fact]
    public void NegativeDifferenceThrows() =>
        Assert.Throws<OverflowException>(() => Volume.FromMillilitres(0.1m) - Volume.FromMillilitres(0.2m));

    [Fact]
    public void FactoryNamesTheValue()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Volume.FromMillilitres(0.0005m));
        Assert.Contains("0.0005", e.Message, StringComparison.Ordinal);
        Assert.Contains("0.001 mL", e.Message, StringComparison.Ordinal);
    }
}
