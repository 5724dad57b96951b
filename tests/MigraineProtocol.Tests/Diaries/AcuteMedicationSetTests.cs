using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Diaries;
using MigraineProtocol.Tests.Arbitraries;

namespace MigraineProtocol.Tests.Diaries;

[Properties(Arbitrary = [typeof(DiaryArbitraries)])]
public class AcuteMedicationSetTests
{
    [Property]
    public bool MaskRoundTrips(AcuteMedicationSet set) => AcuteMedicationSet.FromMask(set.Mask) == set;

    [Property]
    public bool CountAgreesWithEnumeration(AcuteMedicationSet set) =>
        set.Count == set.Count() && set.All(set.Contains) && set.IsEmpty == (set.Count == 0);

    [Property]
    public bool TextRoundTripsThroughClassNames(AcuteMedicationSet set)
    {
        var text = set.ToString();
        var back = text.Length == 0 ? AcuteMedicationSet.None : AcuteMedicationSet.Of([.. text.Split(';').Select(t => AcuteMedicationClasses.TryParse(t, out var c) ? c : throw new InvalidOperationException(t))]);
        return back == set;
    }

    [Fact]
    public void DefaultIsEmpty()
    {
        Assert.True(default(AcuteMedicationSet).IsEmpty);
        Assert.Equal(AcuteMedicationSet.None, default);
        Assert.Equal(string.Empty, AcuteMedicationSet.None.ToString());
    }

    [Fact]
    public void EnumeratesInClassOrder() =>
        Assert.Equal(
            [AcuteMedicationClass.Triptan, AcuteMedicationClass.SimpleAnalgesic],
            AcuteMedicationSet.Of(AcuteMedicationClass.SimpleAnalgesic, AcuteMedicationClass.Triptan, AcuteMedicationClass.Triptan));

    [Fact]
    public void RejectsUndefinedClassesAndMasks()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AcuteMedicationSet.FromMask(32));
        Assert.Throws<ArgumentOutOfRangeException>(() => AcuteMedicationSet.None.With((AcuteMedicationClass)5));
        Assert.False(AcuteMedicationSet.FromMask(31).Contains((AcuteMedicationClass)7));
    }

    [Theory]
    [InlineData("triptan", AcuteMedicationClass.Triptan)]
    [InlineData("ergot", AcuteMedicationClass.Ergot)]
    [InlineData("opioid", AcuteMedicationClass.Opioid)]
    [InlineData("simple-analgesic", AcuteMedicationClass.SimpleAnalgesic)]
    [InlineData("combination-analgesic", AcuteMedicationClass.CombinationAnalgesic)]
    public void ClassNamesRoundTrip(string name, AcuteMedicationClass c)
    {
        Assert.Equal(name, AcuteMedicationClasses.Format(c));
        Assert.True(AcuteMedicationClasses.TryParse(name, out var back));
        Assert.Equal(c, back);
    }

    [Theory]
    [InlineData("Triptan")]
    [InlineData("nsaid")]
    [InlineData("")]
    public void UnknownClassNamesAreRejected(string name) => Assert.False(AcuteMedicationClasses.TryParse(name, out _));
}
