using MigraineProtocol.Definitions;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Protocols;
using MigraineProtocol.Rendering;
using MigraineProtocol.Rules;
using MigraineProtocol.Serialization;
using MigraineProtocol.Tests.Diaries.Cohorts;

namespace MigraineProtocol.Tests.Input;

/// <summary>
/// Shared catalogs, protocols, rule sets, readers and cohort stores used from 8 threads at once give the
/// sequential results (issue 12, "Concurrency").
/// </summary>
public class ConcurrencyTests
{
    [Fact]
    public void EightThreadsGiveTheSequentialResults()
    {
        var loaded = Catalogs.Load([DefinitionFile.FromJson("clinic.json", File.ReadAllText(Definitions.TestData.Path("examples", "clinic-definitions.json")))]);
        var store = CohortDiaryStoreTests.RandomStore(patients: 2_000, periods: 4, seed: 3);
        var sessions = new[] { "session-valid.json", "session-invalid.json", "session-ftp.json", "session-2026-03-02.json" }
            .Select(n => File.ReadAllText(Definitions.TestData.Path("examples", n))).ToArray();

        string Work(int round)
        {
            var text = new System.Text.StringBuilder();
            foreach (var catalog in new[] { Catalogs.Default, loaded })
            {
                foreach (var protocol in catalog.Protocols)
                {
                    var session = SessionJson.Read(sessions[round % sessions.Length], "s.json");
                    var report = RuleSet.Default.Validate(protocol, session);
                    text.Append(ReportJson.Write(report));
                    text.Append(SiteMap.Render(protocol, MapView.Front, new SiteMapOptions { Overlay = SessionOverlay.FromReport(protocol, session, report) }).Length);
                    text.Append(ProtocolPlan.Create(protocol).TotalVolume);
                }
            }

            var evaluation = store.Evaluate(MedicationOveruseThresholds.Verified, maxDegreeOfParallelism: 1);
            text.Append(evaluation.ChronicMigraineMet).Append(evaluation.MedicationOveruseSuspected);
            text.Append(store.GetPeriod(round % store.PatientCount, round % store.PeriodCount));
            return text.ToString();
        }

        var expected = Enumerable.Range(0, 8).Select(Work).ToArray();
        var actual = new string[8];
        using var start = new Barrier(8);
        var threads = Enumerable.Range(0, 8).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            for (var repeat = 0; repeat < 3; repeat++)
            {
                actual[i] = Work(i);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Equal(expected, actual);
    }
}
