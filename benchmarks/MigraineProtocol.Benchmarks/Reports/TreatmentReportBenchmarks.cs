using BenchmarkDotNet.Attributes;
using MigraineProtocol.Charts;
using MigraineProtocol.Definitions;
using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Dosing;
using MigraineProtocol.Reports;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Benchmarks.Reports;

/// <summary>
/// The treatment report of a 3-year diary (1,095 days, 12 sessions every 12 weeks, the latest with its
/// reconstitution): the whole HTML report (every verdict, the diary and course charts and the site
/// map), against the diary chart alone (baseline). Goal (issue 16): the report in under a second.
/// </summary>
[MemoryDiagnoser]
public class TreatmentReportBenchmarks
{
    private HeadacheDiary diary = null!;
    private TreatmentReportInput input = null!;

    [GlobalSetup]
    public void Setup()
    {
        var start = new DateOnly(2023, 1, 2);
        var random = new Random(42);
        var days = new List<DiaryDay>();
        for (var i = 0; i < 3 * 365; i++)
        {
            if (i != 0 && i != (3 * 365) - 1 && random.Next(100) < 3)
            {
                continue;
            }

            var headache = random.Next(100) < 55;
            var migraine = headache && random.Next(100) < 50;
            var medication = headache && random.Next(100) < 60 ? AcuteMedicationSet.Of(random.Next(2) == 0 ? AcuteMedicationClass.Triptan : AcuteMedicationClass.SimpleAnalgesic) : AcuteMedicationSet.None;
            days.Add(new DiaryDay(start.AddDays(i), headache, migraine, medication));
        }

        diary = new HeadacheDiary(days);
        var sessions = Enumerable.Range(0, 12).Select(k => start.AddDays(35 + (84 * k))).ToList();
        var history = new TreatmentHistory(sessions.Take(11).Select(d => new Administration(d, ToxinUnits.FromUnits(155), Administration.ChronicMigraine)));
        var session = TreatmentSession.FromProtocol(KnownProtocols.Preempt, sessions[^1]).WithVialsOpened(2);
        session = new TreatmentSession(session.Date, session.Injections, "BOTOX", "C1234A", new DateOnly(2027, 1, 31), Reconstitution.Vial100In2Ml).WithVialsOpened(2);
        input = new TreatmentReportInput
        {
            PatientReference = "PT-0042",
            Diary = diary,
            History = history,
            Session = session,
            Eligibility = new EligibilityInput(3, true, true),
        };
    }

    [Benchmark(Baseline = true)]
    public string DiaryChartOnly() => DiaryChart.Render(diary);

    [Benchmark]
    public string ThreeYearReportHtml() => TreatmentReport.Create(input).ToHtml();
}
