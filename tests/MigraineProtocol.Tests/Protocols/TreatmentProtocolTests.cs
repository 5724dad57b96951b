using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Definitions;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;

namespace MigraineProtocol.Tests.Protocols;

public class TreatmentProtocolTests
{
    private static readonly TreatmentProtocol Preempt = KnownProtocols.Preempt;

    private static ToxinUnits U(decimal u) => ToxinUnits.FromUnits(u);

    [Fact]
    public void PreemptIs155UnitsAt31SitesUpTo195At39()
    {
        Assert.Equal(U(155), Preempt.FixedUnits);
        Assert.Equal(31, Preempt.FixedSiteCount);
        Assert.Equal(U(195), Preempt.MaximumUnits);
        Assert.Equal(39, Preempt.MaximumSites);
        Assert.Equal(84, Preempt.RetreatmentIntervalDays);
        Assert.All(Preempt.Sites, s => Assert.Equal(U(5), s.Units));
    }

    [Theory]
    [InlineData("corrugator", 10, 2, 10, 2)]
    [InlineData("procerus", 5, 1, 5, 1)]
    [InlineData("frontalis", 20, 4, 20, 4)]
    [InlineData("temporalis", 40, 8, 50, 10)]
    [InlineData("occipitalis", 30, 6, 40, 8)]
    [InlineData("cervical-paraspinal", 20, 4, 20, 4)]
    [InlineData("trapezius", 30, 6, 50, 10)]
    public void PreemptMuscleLimitsMatchTheSmPCTable(string muscle, int fixedUnits, int fixedSites, int maxUnits, int maxSites)
    {
        Assert.True(Preempt.TryGetMuscleLimit(MuscleId.From(muscle), out var limit));
        Assert.Equal(new MuscleLimit(MuscleId.From(muscle), U(fixedUnits), fixedSites, U(maxUnits), maxSites), limit);
    }

    [Theory]
    [InlineData("temporalis", 10, 2)]
    [InlineData("occipitalis", 10, 2)]
    [InlineData("trapezius", 20, 4)]
    public void PreemptFollowThePainAllowances(string muscle, int units, int sites)
    {
        Assert.True(Preempt.TryGetFollowThePain(MuscleId.From(muscle), out var f));
        Assert.Equal(U(units), f.MaxExtraUnits);
        Assert.Equal(sites, f.MaxExtraSites);
        Assert.Equal(U(5), f.UnitsPerSite);
    }

    [Fact]
    public void UsLabelIs155UnitsWithoutFollowThePain()
    {
        var us = KnownProtocols.UsLabel;
        Assert.Equal(U(155), us.FixedUnits);
        Assert.Equal(U(155), us.MaximumUnits);
        Assert.Equal(31, us.MaximumSites);
        Assert.False(us.AllowsFollowThePain);
        Assert.Equal(Preempt.Sites, us.Sites);
        Assert.Contains(us.Sources, c => c.IsSecondary);
    }

    [Fact]
    public void EveryProtocolCitesItsSources() =>
        Assert.All(Catalogs.Default.Protocols, p => Assert.NotEmpty(p.Sources));

    [Fact]
    public void ToBuilderThenBuildIsIdentity()
    {
        foreach (var p in Catalogs.Default.Protocols)
        {
            Assert.Equal(p, p.ToBuilder().Build());
        }
    }

    [Fact]
    public void ToStringSummarises() => Assert.Equal("preempt (155 U at 31 sites, up to 195 U at 39 sites)", Preempt.ToString());

    /// <summary>Law: for any protocol derived by removing or re-dosing sites symmetrically, the sites sum to the total and each muscle stays balanced.</summary>
    [Property(MaxTest = 200)]
    public Property SymmetricDerivationsKeepTheInvariants() =>
        Prop.ForAll(
            Gen.Elements("frontalis", "temporalis", "occipitalis", "trapezius", "corrugator", "cervical-paraspinal").Zip(Gen.Choose(1, 4)).Zip(Gen.Choose(1, 20)).ToArbitrary(),
            t =>
            {
                var ((muscle, ordinal), dose) = t;
                var builder = Preempt.ToBuilder().WithId(ProtocolId.From("derived"), "Derived");
                foreach (var side in new[] { "left", "right" })
                {
                    var id = SiteId.From($"{muscle}-{side}-{ordinal}");
                    if (Preempt.Anatomy.TryGetSite(id, out _))
                    {
                        builder.SetSite(id, U(dose));
                    }
                }

                var p = builder.Build();
                return ToxinUnits.Sum(p.Sites.Select(s => s.Units)) == p.FixedUnits
                    && p.MaximumUnits == p.FixedUnits + ToxinUnits.Sum(p.FollowThePain.Select(f => f.MaxExtraUnits))
                    && p.Sites.Where(s => s.Site.Side != Laterality.Midline).GroupBy(s => s.Site.Muscle).All(g =>
                        ToxinUnits.Sum(g.Where(s => s.Site.Side == Laterality.Left).Select(s => s.Units)) == ToxinUnits.Sum(g.Where(s => s.Site.Side == Laterality.Right).Select(s => s.Units)));
            });

    /// <summary>Law: removing any one non-midline fixed site breaks the bilateral rule, and the builder says which muscle.</summary>
    [Fact]
    public void RemovingOneSideOfAPairIsRejected()
    {
        foreach (var site in Preempt.Sites.Where(s => s.Site.Side != Laterality.Midline))
        {
            var e = Assert.Throws<DefinitionException>(() => Preempt.ToBuilder().RemoveSite(site.Site.Id).Build());
            Assert.Contains($"Muscle '{site.Site.Muscle}' must be injected bilaterally", Assert.Single(e.Problems), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RemovingTheMidlineSiteIsAllowed() =>
        Assert.Equal(U(150), Preempt.ToBuilder().RemoveSite(SiteId.From("procerus")).Build().FixedUnits);

    [Fact]
    public void BuilderListsEveryProblemAtOnce()
    {
        var builder = TreatmentProtocol.CreateBuilder(ProtocolId.From("bad"), " ", Preempt.Anatomy)
            .SetSite(SiteId.From("temporalis-left-1"), U(5))
            .SetSite(SiteId.From("nowhere-left-1"), U(5))
            .SetFollowThePain(new FollowThePainAllowance(MuscleId.From("procerus"), U(5), 1, U(5), new Citation("S1", "x", VerificationLevel.Verified)))
            .WithRetreatmentIntervalDays(0)
            .WithMaximumUnits(U(1000));
        var e = Assert.Throws<DefinitionException>(builder.Build);
        Assert.Contains(e.Problems, p => p.Contains("name must not be empty", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("'nowhere-left-1' is not a fixed site", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("'temporalis' must be injected bilaterally", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("'procerus' is a midline muscle", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("at least 1 day", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("total limit 1000 U", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("at least one source", StringComparison.Ordinal));
        Assert.StartsWith("Protocol 'bad' is invalid: 7 problems", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplicitMaximumBetweenFixedAndDerivedIsKept()
    {
        var p = Preempt.ToBuilder().WithMaximumUnits(U(175)).Build();
        Assert.Equal(U(175), p.MaximumUnits);
        Assert.NotEqual(Preempt, p);
    }

    [Fact]
    public void ClinicVariantWithoutFollowThePainMatchesUsLabelDoses()
    {
        var p = Preempt.ToBuilder().WithId(ProtocolId.From("clinic"), "Clinic").ClearFollowThePain().Build();
        Assert.Equal(KnownProtocols.UsLabel.MaximumUnits, p.MaximumUnits);
        Assert.Empty(p.FollowThePain);
    }

    [Fact]
    public void CatalogRejectsDuplicateIdsAndUnknownLookups()
    {
        var e = Assert.Throws<DefinitionException>(() => new ProtocolCatalog(Preempt.Anatomy, [Preempt, Preempt]));
        Assert.Contains("'preempt' is defined more than once", e.Message, StringComparison.Ordinal);
        var k = Assert.Throws<KeyNotFoundException>(() => Catalogs.Default.Get(ProtocolId.From("nope")));
        Assert.Contains("preempt, us-label", k.Message, StringComparison.Ordinal);
    }
}
