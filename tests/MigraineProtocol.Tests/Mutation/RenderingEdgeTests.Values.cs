using MigraineProtocol.Anatomy;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Rendering;
using MigraineProtocol.Rules;

namespace MigraineProtocol.Tests.Mutation;

public partial class RenderingEdgeTests
{
    private static readonly MuscleId Temporalis = MuscleId.From("temporalis");

    private static T Throws<T>(string param, string message, Action action)
        where T : ArgumentException
    {
        var e = Assert.Throws<T>(action);
        Assert.Equal(param, e.ParamName);
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
        return e;
    }

    [Fact]
    public void AFollowThePainDoseChecksItsArguments()
    {
        var units = ToxinUnits.FromUnits(5);
        Throws<ArgumentException>("muscle", "The muscle of a follow-the-pain dose must not be the default (empty) id.", () => new FollowThePainDose(default, Laterality.Left, 1, units, true));
        Throws<ArgumentOutOfRangeException>("side", "A follow-the-pain dose into 'temporalis' is on the left or the right side.", () => new FollowThePainDose(Temporalis, Laterality.Midline, 1, units, true));
        Throws<ArgumentOutOfRangeException>("injections", "A follow-the-pain dose into 'temporalis' counts 1 or more injections.", () => new FollowThePainDose(Temporalis, Laterality.Right, 0, units, true));
        var one = new FollowThePainDose(Temporalis, Laterality.Right, 1, units, true);
        Assert.Equal((Temporalis, Laterality.Right, 1, units, true), (one.Muscle, one.Side, one.Injections, one.Units, one.WithinAllowance));
    }

    [Fact]
    public void AFollowThePainDoseSaysWhetherItIsWithinTheAllowance()
    {
        Assert.Equal("temporalis left: 2 follow-the-pain, 10 U", new FollowThePainDose(Temporalis, Laterality.Left, 2, ToxinUnits.FromUnits(10), true).ToString());
        Assert.Equal("occipitalis right: 3 follow-the-pain, 15 U (beyond the allowance)", new FollowThePainDose(MuscleId.From("occipitalis"), Laterality.Right, 3, ToxinUnits.FromUnits(15), false).ToString());
    }

    [Fact]
    public void FollowThePainDosesAreEqualWhenEveryFieldIs()
    {
        FollowThePainDose Dose(string muscle = "temporalis", Laterality side = Laterality.Left, int injections = 2, decimal units = 10, bool within = true) =>
            new(MuscleId.From(muscle), side, injections, ToxinUnits.FromUnits(units), within);
        var dose = Dose();
        Assert.True(dose.Equals(Dose()));
        Assert.True(dose.Equals((object)Dose()));
        Assert.Equal(dose.GetHashCode(), Dose().GetHashCode());
        Assert.False(dose.Equals(null));
        Assert.False(dose.Equals((object?)null));
        Assert.False(dose.Equals(Dose(muscle: "occipitalis")));
        Assert.False(dose.Equals(Dose(side: Laterality.Right)));
        Assert.False(dose.Equals(Dose(injections: 3)));
        Assert.False(dose.Equals(Dose(units: 15)));
        Assert.False(dose.Equals(Dose(within: false)));
    }

    [Fact]
    public void ASiteDoseChecksItsArguments()
    {
        var units = ToxinUnits.FromUnits(5);
        Throws<ArgumentException>("site", "The site of a site dose must not be the default (empty) id.", () => new SiteDose(default, units, units, SiteDoseStatus.AsPlanned));
        Throws<ArgumentException>("site", "'temporalis-left-ftp' is a follow-the-pain id; use FollowThePainDose for follow-the-pain injections.", () => new SiteDose(Id("temporalis-left-ftp"), units, units, SiteDoseStatus.AsPlanned));
        Throws<ArgumentOutOfRangeException>("status", "The status of site 'procerus' must be a defined SiteDoseStatus.", () => new SiteDose(Id("procerus"), units, units, (SiteDoseStatus)6));
        Throws<ArgumentOutOfRangeException>("status", "A site dose status is as-planned, missed, under-dosed, over-dosed or unplanned.", () => SiteDoseStatusText.Format(0));
        Throws<ArgumentOutOfRangeException>("view", "A map view is Front, Back, Left, Right or All.", () => MapViews.Format((MapView)6));
    }

    [Fact]
    public void SiteDosesAreEqualWhenEveryFieldIs()
    {
        SiteDose Dose(string site = "procerus", decimal planned = 5, decimal given = 2.5m, SiteDoseStatus status = SiteDoseStatus.UnderDosed) =>
            new(Id(site), ToxinUnits.FromUnits(planned), ToxinUnits.FromUnits(given), status);
        var dose = Dose();
        Assert.True(dose.Equals(Dose()));
        Assert.False(dose.Equals(null));
        Assert.False(dose.Equals(Dose(site: "corrugator-left-1")));
        Assert.False(dose.Equals(Dose(planned: 10)));
        Assert.False(dose.Equals(Dose(given: 2)));
        Assert.False(dose.Equals(Dose(status: SiteDoseStatus.OverDosed)));
    }

    [Fact]
    public void AnOverlayChecksItsArguments()
    {
        var dose = new SiteDose(Id("procerus"), ToxinUnits.FromUnits(5), ToxinUnits.FromUnits(5), SiteDoseStatus.AsPlanned);
        var ftp = new FollowThePainDose(Temporalis, Laterality.Left, 1, ToxinUnits.FromUnits(5), true);
        Assert.Equal("sites", Assert.Throws<ArgumentNullException>(() => new SessionOverlay(Day, null!, [], [])).ParamName);
        Assert.Equal("followThePain", Assert.Throws<ArgumentNullException>(() => new SessionOverlay(Day, [], null!, [])).ParamName);
        Assert.Equal("diagnostics", Assert.Throws<ArgumentNullException>(() => new SessionOverlay(Day, [], [], null!)).ParamName);
        foreach (var bad in new Action[] { () => new SessionOverlay(Day, [null!], [], []), () => new SessionOverlay(Day, [], [null!], []), () => new SessionOverlay(Day, [], [], [null!]) })
        {
            Throws<ArgumentNullException>("sites", "An overlay must not contain null site doses, follow-the-pain doses or diagnostics.", bad);
        }

        Throws<ArgumentException>("sites", "Site 'procerus' appears more than once in the overlay; give one total per site.", () => new SessionOverlay(Day, [dose, dose], [], []));
        Throws<ArgumentException>(
            "followThePain",
            "Follow-the-pain into 'temporalis' on one side appears more than once in the overlay; give one total per muscle and side.",
            () => new SessionOverlay(Day, [], [ftp, new FollowThePainDose(Temporalis, Laterality.Left, 2, ToxinUnits.FromUnits(10), false)], []));
        Assert.Equal(2, new SessionOverlay(Day, [], [ftp, new FollowThePainDose(Temporalis, Laterality.Right, 1, ToxinUnits.FromUnits(5), true)], []).FollowThePain.Length);
        Assert.Equal("session", Assert.Throws<ArgumentNullException>(() => SessionOverlay.FromSession(Preempt, null!)).ParamName);
        Assert.Equal("protocol", Assert.Throws<ArgumentNullException>(() => SessionOverlay.FromSession(null!, null!)).ParamName);
    }

    [Fact]
    public void OverlaysAreEqualWhenDateSitesFollowThePainAndDiagnosticsAre()
    {
        var dose = new SiteDose(Id("procerus"), ToxinUnits.FromUnits(5), ToxinUnits.FromUnits(5), SiteDoseStatus.AsPlanned);
        var other = new SiteDose(Id("procerus"), ToxinUnits.FromUnits(5), ToxinUnits.Zero, SiteDoseStatus.Missed);
        var ftp = new FollowThePainDose(Temporalis, Laterality.Left, 1, ToxinUnits.FromUnits(5), true);
        var finding = Finding("site-dose", Severity.Error, "x", "procerus");
        var overlay = new SessionOverlay(Day, [dose], [ftp], [finding]);
        Assert.True(overlay.Equals(new SessionOverlay(Day, [dose], [ftp], [finding])));
        Assert.Equal(overlay.GetHashCode(), new SessionOverlay(Day, [dose], [ftp], [finding]).GetHashCode());
        Assert.False(overlay.Equals(null));
        Assert.False(overlay.Equals((object?)null));
        Assert.False(overlay.Equals(new SessionOverlay(Day.AddDays(1), [dose], [ftp], [finding])));
        Assert.False(overlay.Equals(new SessionOverlay(Day, [other], [ftp], [finding])));
        Assert.False(overlay.Equals(new SessionOverlay(Day, [dose], [], [finding])));
        Assert.False(overlay.Equals(new SessionOverlay(Day, [dose], [ftp], [])));
    }

    [Fact]
    public void TheMapChecksItsArgumentsInOrder()
    {
        Assert.Equal("output", Assert.Throws<ArgumentNullException>(() => SiteMap.Write(null!, null!, MapView.All)).ParamName);
        Assert.Equal("output", Assert.Throws<ArgumentNullException>(() => SiteMap.Write(null!, Preempt, (MapView)0)).ParamName);
        Assert.Equal("protocol", Assert.Throws<ArgumentNullException>(() => SiteMap.Write(TextWriter.Null, null!, (MapView)0)).ParamName);
        var writer = new StringWriter();
        Throws<ArgumentOutOfRangeException>("view", "A map view is Front, Back, Left, Right or All.", () => SiteMap.Write(writer, Preempt, (MapView)6));
        Assert.Equal(string.Empty, writer.ToString());
        Throws<ArgumentOutOfRangeException>("view", "A map view is Front, Back, Left, Right or All.", () => SiteMap.Render(Preempt, 0));
        Throws<ArgumentOutOfRangeException>("view", "A map view is Front, Back, Left, Right or All.", () => SiteMap.ViewsOf((MapView)9));
        Assert.Equal("protocol", Assert.Throws<ArgumentNullException>(() => SiteMap.MarkerCount(null!, MapView.All)).ParamName);
        Assert.Equal("anatomy", Assert.Throws<ArgumentNullException>(() => SiteMap.MuscleCode(null!, Temporalis)).ParamName);
    }

    [Fact]
    public void MuscleCodesAreTheShortestUniquePrefixOfUpToFourLettersElseFourLettersAndThePlace()
    {
        (string Id, string Name)[] muscles =
        [
            ("scalenus", "Scalenus"), ("scapularis", "Scapularis"), ("serratus-anterior", "Serratus anterior"), ("serratus-posterior", "Serratus posterior"),
            ("ab", "Ab"), ("abc", "Abc"), ("plus", "+ -"), ("zygomaticus", "Zygomaticus"),
        ];
        var region = RegionId.From("body");
        var anatomy = new AnatomyCatalog(
            [new LayRegion(region, "Body", muscles.Select(m => MuscleId.From(m.Id)))],
            muscles.Select(m => new Muscle(MuscleId.From(m.Id), m.Name, region, false, Clinic)),
            []);
        Assert.Equal(
            ["Scal", "Scap", "Serr3", "Serr4", "Ab5", "Abc", "M7", "Z"],
            muscles.Select(m => SiteMap.MuscleCode(anatomy, MuscleId.From(m.Id))));
        Assert.Throws<KeyNotFoundException>(() => SiteMap.MuscleCode(anatomy, Temporalis));
    }
}
