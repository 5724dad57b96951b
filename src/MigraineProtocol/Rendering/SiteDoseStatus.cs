namespace MigraineProtocol.Rendering;

/// <summary>How the dose given at a fixed site compares with the protocol's dose there.</summary>
public enum SiteDoseStatus
{
    /// <summary>The planned dose was given.</summary>
    AsPlanned = 1,

    /// <summary>The site is in the protocol but nothing was given there.</summary>
    Missed = 2,

    /// <summary>Less than the planned dose was given.</summary>
    UnderDosed = 3,

    /// <summary>More than the planned dose was given (for example the site was injected twice).</summary>
    OverDosed = 4,

    /// <summary>A fixed site of the anatomy that the protocol does not include was injected.</summary>
    Unplanned = 5,
}

/// <summary>The invariant text forms of <see cref="SiteDoseStatus"/>, as used in SVG <c>data-status</c> attributes.</summary>
public static class SiteDoseStatusText
{
    /// <summary>Returns <c>as-planned</c>, <c>missed</c>, <c>under-dosed</c>, <c>over-dosed</c> or <c>unplanned</c>.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a defined value.</exception>
    public static string Format(SiteDoseStatus status) => status switch
    {
        SiteDoseStatus.AsPlanned => "as-planned",
        SiteDoseStatus.Missed => "missed",
        SiteDoseStatus.UnderDosed => "under-dosed",
        SiteDoseStatus.OverDosed => "over-dosed",
        SiteDoseStatus.Unplanned => "unplanned",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A site dose status is as-planned, missed, under-dosed, over-dosed or unplanned."),
    };
}
