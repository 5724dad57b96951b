using System.Globalization;
using MigraineProtocol.CdsHooks.Tests.TestSupport;
using MigraineProtocol.Fhir.Diaries;
using static MigraineProtocol.CdsHooks.Tests.TestSupport.Fixtures;

namespace MigraineProtocol.CdsHooks.Tests;

public sealed class PatientViewTests
{
    private static string Days(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task One_info_card_with_last_session_next_date_headroom_and_diary()
    {
        var last = Days(-30);
        var diary = DiaryObservations(new DiaryPeriodCounts(DateOnly.Parse(Days(-120), CultureInfo.InvariantCulture), DateOnly.Parse(Days(-93), CultureInfo.InvariantCulture), 28, 20, 12));
        await using var host = await CdsHost.StartAsync();
        var response = await host.PostAsync(PatientView, PatientViewRequest([Administration(Days(-114), 155), Administration(last, 155), Administration(Days(-10), 100, reason: "Cervical dystonia")], diary));
        var card = Assert.Single(await CardsResult.ReadAsync(response));
        Assert.Equal("info", card.Indicator);
        Assert.Contains($"last session {last}", card.Summary);
        Assert.Contains($"next from {Days(54)}", card.Summary); // last + 84 days
        Assert.Contains("headroom today", card.Summary);
        Assert.Contains("Diary:", card.Detail);
        Assert.Contains("NICE TA260 1.2", card.Detail);
    }

    [Fact]
    public async Task A_patient_with_no_toxin_and_no_diary_gets_no_card()
    {
        await using var host = await CdsHost.StartAsync();
        Assert.Empty(await CardsResult.ReadAsync(await host.PostAsync(PatientView, PatientViewRequest())));
    }

    [Fact]
    public async Task Other_toxins_are_listed_but_not_counted()
    {
        await using var host = await CdsHost.StartAsync();
        var response = await host.PostAsync(PatientView, PatientViewRequest([Administration(Days(-20), 500, product: "Dysport", hcpcs: "J0586")]));
        var card = Assert.Single(await CardsResult.ReadAsync(response));
        Assert.Contains("no session recorded", card.Summary);
        Assert.Contains("headroom today 400 U", card.Summary);
        Assert.Contains("Other botulinum toxins on record", card.Detail);
    }
}
