using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Anatomy;
using MigraineProtocol.Definitions;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;

namespace MigraineProtocol.Tests.Mutation;

/// <summary>
/// The edges of the protocols namespace that mutation testing (docs/quality.md, "Mutation testing")
/// showed no other test pinned: every problem the builder reports, each limit at and one past it, the
/// builder's editing operations, equality field by field, the summary text, the catalog's argument and
/// anatomy checks, and the plan's fit to the representable volumes and vials at its exact ends.
/// Protocols are built afresh in each test (never taken from the built-in cache), so the code under
/// test runs inside the test.
/// </summary>
public class ProtocolsEdgeTests
{
    private static readonly Citation S1 = new("S1", "SmPC §4.2", VerificationLevel.Verified);
    private static readonly AnatomyCatalog Anatomy = Catalogs.DefaultAnatomy;

    private static ToxinUnits U(decimal units) => ToxinUnits.FromUnits(units);

    private static SiteId S(string id) => SiteId.From(id);

    private static MuscleId M(string id) => MuscleId.From(id);

    /// <summary>A new protocol instance equal to PREEMPT, built in the calling test.</summary>
    private static TreatmentProtocol FreshPreempt() => KnownProtocols.Preempt.ToBuilder().Build();

    private static TreatmentProtocolBuilder Builder(string id = "edge") =>
        TreatmentProtocol.CreateBuilder(ProtocolId.From(id), "Edge", Anatomy).AddSource(S1);

    private static FollowThePainAllowance Ftp(string muscle, decimal units = 10, int sites = 2, decimal perSite = 5, Citation? source = null) =>
        new(M(muscle), U(units), sites, U(perSite), source ?? S1);

    // ---- Follow-the-pain allowance ----

    [Fact]
    public void AnAllowanceOnTheDefaultMuscleIsRejectedNamingTheParameter()
    {
        var e = Assert.Throws<ArgumentException>(() => new FollowThePainAllowance(default, U(10), 2, U(5), S1));
        Assert.Equal("muscle", e.ParamName);
        Assert.StartsWith("The muscle of a follow-the-pain allowance must not be the default (empty) id.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllowancesAreEqualOnlyWhenEveryFieldIs()
    {
        var a = Ftp("temporalis");
        Assert.True(a.Equals(Ftp("temporalis")));
        Assert.True(a.Equals((object)Ftp("temporalis")));
        Assert.Equal(a.GetHashCode(), Ftp("temporalis").GetHashCode());
        Assert.False(a.Equals(null));
        Assert.False(a.Equals((object)"temporalis"));
        Assert.False(a.Equals(Ftp("occipitalis")));
        Assert.False(a.Equals(Ftp("temporalis", units: 15)));
        Assert.False(a.Equals(Ftp("temporalis", sites: 3)));
        Assert.False(a.Equals(Ftp("temporalis", perSite: 2.5m)));
        Assert.False(a.Equals(Ftp("temporalis", source: new Citation("S2", "SmPC §4.2", VerificationLevel.Verified))));
    }

    // ---- Protocol site ----

    [Fact]
    public void ProtocolSitesAreEqualOnlyWhenSiteAndDoseAre()
    {
        var left = Anatomy.GetSite(S("temporalis-left-1"));
        var right = Anatomy.GetSite(S("temporalis-right-1"));
        var a = new ProtocolSite(left, U(5));
        Assert.True(a.Equals(new ProtocolSite(left, U(5))));
        Assert.True(a.Equals((object)new ProtocolSite(left, U(5))));
        Assert.Equal(a.GetHashCode(), new ProtocolSite(left, U(5)).GetHashCode());
        Assert.False(a.Equals(null));
        Assert.False(a.Equals(new ProtocolSite(right, U(5))));
        Assert.False(a.Equals(new ProtocolSite(left, U(10))));
    }

    // ---- Totals, limits per muscle and the summary text ----

    [Fact]
    public void AFreshPreemptHasItsTotalsLimitsAndSummary()
    {
        var p = FreshPreempt();
        Assert.Equal((U(155), 31, U(195), 39), (p.FixedUnits, p.FixedSiteCount, p.MaximumUnits, p.MaximumSites));
        Assert.True(p.TryGetMuscleLimit(M("temporalis"), out var temporalis));
        Assert.Equal((U(40), 8, U(50), 10), (temporalis.FixedUnits, temporalis.FixedSites, temporalis.MaxUnits, temporalis.MaxSites));
        Assert.True(p.TryGetMuscleLimit(M("procerus"), out var procerus));
        Assert.Equal((U(5), 1, U(5), 1), (procerus.FixedUnits, procerus.FixedSites, procerus.MaxUnits, procerus.MaxSites));
        Assert.Equal("preempt (155 U at 31 sites, up to 195 U at 39 sites)", p.ToString());

        var us = p.ToBuilder().WithId(ProtocolId.From("no-ftp"), "No FTP").ClearFollowThePain().Build();
        Assert.Equal("no-ftp (155 U at 31 sites)", us.ToString());
        Assert.Equal(31, us.MaximumSites);
    }

    [Fact]
    public void AMuscleWithOnlyAnAllowanceHasLimitsFromTheAllowanceAlone()
    {
        var p = Builder().SetSite(S("procerus"), U(5)).SetFollowThePain(Ftp("trapezius", 20, 4)).Build();
        Assert.True(p.TryGetMuscleLimit(M("trapezius"), out var limit));
        Assert.Equal((U(0), 0, U(20), 4), (limit.FixedUnits, limit.FixedSites, limit.MaxUnits, limit.MaxSites));
        Assert.Equal("edge (5 U at 1 sites, up to 25 U at 5 sites)", p.ToString());
    }

    // ---- Equality of protocols, field by field ----

    public static TheoryData<string> Changes() => ["id", "name", "description", "anatomy", "site dose", "site removed", "allowance", "maximum", "interval", "source"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void ProtocolsDifferWhenAnyOneFieldDiffers(string change)
    {
        var p = FreshPreempt();
        var b = p.ToBuilder();
        _ = change switch
        {
            "id" => b.WithId(ProtocolId.From("other"), p.Name),
            "name" => b.WithId(p.Id, "Another name"),
            "description" => b.WithDescription("Another description"),
            "anatomy" => b.WithAnatomy(Catalogs.Load([]).Anatomy),
            "site dose" => b.SetSite(S("procerus"), U(10)),
            "site removed" => b.RemoveSite(S("procerus")),
            "allowance" => b.SetFollowThePain(Ftp("temporalis", 10, 2, 2.5m)),
            "maximum" => b.WithMaximumUnits(U(190)),
            "interval" => b.WithRetreatmentIntervalDays(85),
            "source" => b.AddSource(new Citation("S3", "clinic", VerificationLevel.Unverified)),
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };
        var q = b.Build();
        Assert.False(p.Equals(q));
        Assert.False(q.Equals(p));
        Assert.True(p.Equals(p.ToBuilder().Build()));
        Assert.True(p.Equals((object)p.ToBuilder().Build()));
        Assert.False(p.Equals(null));
    }

    // ---- Builder editing ----

    [Fact]
    public void ToBuilderKeepsAnExplicitMaximumAndLeavesADerivedOneUnset()
    {
        Assert.Null(FreshPreempt().ToBuilder().MaximumUnits);
        var capped = FreshPreempt().ToBuilder().WithMaximumUnits(U(175)).Build();
        var again = capped.ToBuilder();
        Assert.Equal(U(175), again.MaximumUnits);
        Assert.Equal(U(175), again.Build().MaximumUnits);
        Assert.Equal(capped, again.Build());
    }

    [Fact]
    public void WithAnatomySetsTheCatalogTheSitesComeFromAndRejectsNull()
    {
        var loaded = Catalogs.Load([]).Anatomy;
        var b = FreshPreempt().ToBuilder().WithAnatomy(loaded);
        Assert.Same(loaded, b.Anatomy);
        Assert.Same(loaded, b.Build().Anatomy);
        Assert.Equal("anatomy", Assert.Throws<ArgumentNullException>(() => b.WithAnatomy(null!)).ParamName);
    }

    [Fact]
    public void RemovingASiteKeepsLaterEditsOnTheRightSite()
    {
        var b = FreshPreempt().ToBuilder();
        var before = b.Sites.Select(s => s.Site).ToList();
        b.RemoveSite(S("procerus"));
        var last = before[^1];
        b.SetSite(last, U(7));
        b.SetSite(S("procerus"), U(10));
        var expected = before.Where(s => s != S("procerus")).Append(S("procerus")).ToList();
        Assert.Equal(expected, b.Sites.Select(s => s.Site));
        Assert.Equal(U(7), b.Sites.Single(s => s.Site == last).Units);
        Assert.Equal(U(10), b.Sites.Single(s => s.Site == S("procerus")).Units);
        Assert.Equal(162m, b.Sites.Sum(s => s.Units.Units));
        Assert.Equal(31, b.Sites.Count);
    }

    /// <summary>Law: any sequence of removals and re-dosings leaves the builder's sites equal to a plain list model (last dose wins, removed sites go, a re-added site goes to the end).</summary>
    [Property(MaxTest = 100)]
    public Property SiteEditsAgreeWithAListModel() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Choose(0, 30).Zip(Gen.Choose(0, 3))).ToArbitrary(),
            edits =>
            {
                var ids = FreshPreempt().Sites.Select(s => s.Site.Id).ToList();
                var b = FreshPreempt().ToBuilder();
                var model = ids.Select(id => (Site: id, Units: U(5))).ToList();
                foreach (var (i, dose) in edits)
                {
                    var id = ids[i];
                    if (dose == 0)
                    {
                        b.RemoveSite(id);
                        model.RemoveAll(s => s.Site == id);
                    }
                    else
                    {
                        b.SetSite(id, U(dose));
                        var at = model.FindIndex(s => s.Site == id);
                        if (at >= 0)
                        {
                            model[at] = (id, U(dose));
                        }
                        else
                        {
                            model.Add((id, U(dose)));
                        }
                    }
                }

                return b.Sites.SequenceEqual(model);
            });

    [Fact]
    public void SetFollowThePainReplacesTheMusclesAllowanceWhereverItIs()
    {
        var b = FreshPreempt().ToBuilder();
        var muscles = b.FollowThePain.Select(f => f.Muscle).ToList();
        Assert.Equal([M("temporalis"), M("occipitalis"), M("trapezius")], muscles);
        foreach (var muscle in muscles)
        {
            var replacement = Ftp(muscle.Value, 5, 1, 5);
            b.SetFollowThePain(replacement);
            Assert.Equal(3, b.FollowThePain.Count);
            Assert.Same(replacement, b.FollowThePain.Single(f => f.Muscle == muscle));
        }

        Assert.Equal(muscles, b.FollowThePain.Select(f => f.Muscle));
        Assert.Equal(U(170), b.Build().MaximumUnits);
        Assert.Equal("allowance", Assert.Throws<ArgumentNullException>(() => b.SetFollowThePain(null!)).ParamName);
        Assert.Equal("allowance", Assert.Throws<ArgumentNullException>(() => Builder().SetFollowThePain(null!)).ParamName);
    }

    [Fact]
    public void RemoveFollowThePainRemovesOnlyThatMuscle()
    {
        var p = FreshPreempt().ToBuilder().RemoveFollowThePain(M("occipitalis")).RemoveFollowThePain(M("masseter")).Build();
        Assert.Equal([M("temporalis"), M("trapezius")], p.FollowThePain.Select(f => f.Muscle));
        Assert.Equal(U(185), p.MaximumUnits);
        Assert.Equal(37, p.MaximumSites);
    }

    // ---- Builder validation: each problem, exact limits ----

    [Fact]
    public void TheDefaultIdIsAProblemAndTheMessageSaysNoId()
    {
        var e = Assert.Throws<DefinitionException>(() => TreatmentProtocol.CreateBuilder(default, "Edge", Anatomy).AddSource(S1).SetSite(S("procerus"), U(5)).Build());
        Assert.Equal(["The protocol id must not be the default (empty) id."], e.Problems);
        Assert.Equal("Protocol '(no id)' is invalid: The protocol id must not be the default (empty) id.", e.Message);
    }

    [Theory]
    [InlineData("no sites", "A protocol needs at least one fixed site.")]
    [InlineData("zero dose", "The dose at site 'procerus' must be more than 0 U.")]
    [InlineData("unknown allowance muscle", "The follow-the-pain allowance names muscle 'masseter', which is not in the anatomy catalog.")]
    [InlineData("interval 0", "The retreatment interval must be at least 1 day; got 0.")]
    [InlineData("no source", "A protocol must cite at least one source.")]
    public void EachBrokenRuleIsTheOnlyProblemReported(string broken, string problem)
    {
        var b = broken == "no source"
            ? TreatmentProtocol.CreateBuilder(ProtocolId.From("edge"), "Edge", Anatomy)
            : Builder();
        if (broken != "no sites")
        {
            b.SetSite(S("procerus"), broken == "zero dose" ? ToxinUnits.Zero : U(5));
        }

        if (broken == "unknown allowance muscle")
        {
            b.SetFollowThePain(Ftp("masseter"));
        }

        if (broken == "interval 0")
        {
            b.WithRetreatmentIntervalDays(0);
        }

        var e = Assert.Throws<DefinitionException>(b.Build);
        Assert.Equal([problem], e.Problems);
        Assert.Equal($"Protocol 'edge' is invalid: {problem}", e.Message);
    }

    [Fact]
    public void AnIntervalOfOneDayIsTheSmallestAllowed()
    {
        Assert.Equal(1, Builder().SetSite(S("procerus"), U(5)).WithRetreatmentIntervalDays(1).Build().RetreatmentIntervalDays);
        var e = Assert.Throws<DefinitionException>(Builder().SetSite(S("procerus"), U(5)).WithRetreatmentIntervalDays(-1).Build);
        Assert.Equal(["The retreatment interval must be at least 1 day; got -1."], e.Problems);
    }

    [Theory]
    [InlineData(1, 5, 1, 10, "1 sites / 5 U on the left and 1 sites / 10 U on the right")] // same count, units differ
    [InlineData(1, 10, 2, 10, "1 sites / 10 U on the left and 2 sites / 10 U on the right")] // same units, count differs
    public void AMuscleIsUnbalancedWhenSitesOrUnitsDifferBetweenSides(int leftSites, decimal leftUnits, int rightSites, decimal rightUnits, string detail)
    {
        var b = Builder();
        for (var i = 1; i <= leftSites; i++)
        {
            b.SetSite(S($"temporalis-left-{i}"), U(leftUnits / leftSites));
        }

        for (var i = 1; i <= rightSites; i++)
        {
            b.SetSite(S($"temporalis-right-{i}"), U(rightUnits / rightSites));
        }

        var e = Assert.Throws<DefinitionException>(b.Build);
        Assert.Equal([$"Muscle 'temporalis' must be injected bilaterally with half its sites and units on each side (SmPC §4.2, S1); it has {detail}."], e.Problems);
    }

    [Fact]
    public void TotalsUpToTheLargestRepresentableBuildAndOnePastAreAProblemNotAnOverflow()
    {
        var max = ToxinUnits.MaxValue;
        var atLimit = Builder().SetSite(S("procerus"), max).Build();
        Assert.Equal((max, max), (atLimit.FixedUnits, atLimit.MaximumUnits));

        var expected = $"The doses and follow-the-pain allowances add up to more than {max}, the largest total the library represents.";

        // Fixed sites at the limit plus an allowance.
        var withAllowance = Assert.Throws<DefinitionException>(Builder().SetSite(S("procerus"), max).SetFollowThePain(Ftp("temporalis")).Build);
        Assert.Equal([expected], withAllowance.Problems);
        Assert.StartsWith("Protocol 'edge' is invalid: ", withAllowance.Message, StringComparison.Ordinal);

        // Two sites, each below the limit, together above it.
        var half = ToxinUnits.FromHundredths((max.Hundredths / 2) + 100);
        var pair = Assert.Throws<DefinitionException>(Builder().SetSite(S("temporalis-left-1"), half).SetSite(S("temporalis-right-1"), half).Build);
        Assert.Equal([expected], pair.Problems);

        // Just at the limit with an allowance: fixed total one allowance short of the maximum.
        var fits = Builder().SetSite(S("procerus"), max - U(10)).SetFollowThePain(Ftp("temporalis")).Build();
        Assert.Equal(max, fits.MaximumUnits);
    }

    // ---- Catalog ----

    [Fact]
    public void TheCatalogChecksItsArgumentsByName()
    {
        var p = FreshPreempt();
        Assert.Equal("anatomy", Assert.Throws<ArgumentNullException>(() => new ProtocolCatalog(null!, [])).ParamName);
        Assert.Equal("protocols", Assert.Throws<ArgumentNullException>(() => new ProtocolCatalog(Anatomy, null!)).ParamName);
        Assert.Equal("protocols", Assert.Throws<ArgumentNullException>(() => new ProtocolCatalog(Anatomy, [p, null!])).ParamName);
        var ok = new ProtocolCatalog(Anatomy, [p]);
        Assert.Same(p, ok.Get(ProtocolId.From("preempt")));
    }

    [Fact]
    public void ACatalogRejectsAProtocolBuiltOverAnotherAnatomy()
    {
        var loaded = Catalogs.Load([]);
        var foreign = loaded.Get(ProtocolId.From("us-label"));
        var e = Assert.Throws<DefinitionException>(() => new ProtocolCatalog(Anatomy, [FreshPreempt(), foreign]));
        Assert.Equal(["Protocol 'us-label' was built over another anatomy catalog."], e.Problems);
        Assert.Equal("The protocol catalog is invalid: Protocol 'us-label' was built over another anatomy catalog.", e.Message);
    }

    // ---- Plan ----

    [Fact]
    public void ThePlanChecksItsArgumentsByName()
    {
        var p = FreshPreempt();
        Assert.Equal("protocol", Assert.Throws<ArgumentNullException>(() => ProtocolPlan.TryCreate(null!, Reconstitution.Vial100In2Ml, out _)).ParamName);
        Assert.Equal("reconstitution", Assert.Throws<ArgumentNullException>(() => ProtocolPlan.TryCreate(p, null!, out _)).ParamName);
        Assert.Equal("protocol", Assert.Throws<ArgumentNullException>(() => ProtocolPlan.Create(null!)).ParamName);
    }

    private static TreatmentProtocol ProcerusOnly(ToxinUnits dose) => Builder("procerus-only").SetSite(S("procerus"), dose).Build();

    /// <summary>
    /// The exact ends of a plan's fit: the volume with its 1 µL-per-site margin (10 L is the most the library
    /// represents) and the vials (their units at most 1,000,000 U).
    /// </summary>
    [Theory]
    [InlineData(5, 5, 9_999_999, true)] // 9,999,999 µL + 1 µL margin = 10 L exactly
    [InlineData(5, 5, 10_000_000, false)] // 10 L + 1 µL margin is one past
    [InlineData(1_000_000, 100, 100, true)] // 10,000 vials of 100 U hold exactly 1,000,000 U
    [InlineData(1_000_000, 300, 100, false)] // 3,334 vials of 300 U would hold 1,000,200 U
    public void APlanFitsUpToTheRepresentableVolumeAndVialsAndNotOnePast(decimal dose, decimal vialUnits, long diluentMicrolitres, bool fits)
    {
        var protocol = ProcerusOnly(U(dose));
        var r = new Reconstitution(U(vialUnits), Volume.FromMicrolitres(diluentMicrolitres));
        Assert.Equal(fits, ProtocolPlan.TryCreate(protocol, r, out var plan));
        if (fits)
        {
            Assert.NotNull(plan);
            Assert.Equal(U(dose), plan.TotalUnits);
            Assert.Equal(r.VolumeFor(U(dose)), plan.TotalVolume);
            Assert.Equal(decimal.ToInt32(Math.Ceiling(dose / vialUnits)), plan.FixedVials.Vials);
        }
        else
        {
            Assert.Null(plan);
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => ProtocolPlan.Create(protocol, r));
            Assert.Equal("reconstitution", e.ParamName);
            Assert.StartsWith($"At {r.VialUnits} in {r.Diluent}, the doses of protocol 'procerus-only' need more than {Volume.MaxValue} of solution or more vials than the library represents.", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void APlanListsOnlyMusclesWithSitesOrAnAllowanceAndOnlyRegionsWithMuscles()
    {
        // No forehead sites at all; temporalis keeps its allowance but loses its fixed sites.
        var b = FreshPreempt().ToBuilder();
        foreach (var s in b.Sites.Select(s => s.Site).ToList().Where(s => s.Value.StartsWith("temporalis", StringComparison.Ordinal) || Anatomy.GetSite(s).Muscle.Value is "procerus" or "corrugator" or "frontalis"))
        {
            b.RemoveSite(s);
        }

        var plan = ProtocolPlan.Create(b.Build());
        Assert.Equal(["side-of-head", "back-of-head", "back-of-scalp", "neck-and-shoulders"], plan.Regions.Select(r => r.Region.Id.Value));
        var temporalis = Assert.Single(plan.Regions[0].Muscles);
        Assert.Equal("temporalis", temporalis.Muscle.Id.Value);
        Assert.Empty(temporalis.Sites);
        Assert.Equal(U(10), temporalis.FollowThePain!.MaxExtraUnits);
        Assert.Equal((U(0), U(10)), (temporalis.Limit.FixedUnits, temporalis.Limit.MaxUnits));

        // Removing the procerus site leaves it out of the forehead.
        var noProcerus = ProtocolPlan.Create(FreshPreempt().ToBuilder().RemoveSite(S("procerus")).Build());
        Assert.Equal(["corrugator", "frontalis"], noProcerus.Regions[0].Muscles.Select(m => m.Muscle.Id.Value));
    }
}
