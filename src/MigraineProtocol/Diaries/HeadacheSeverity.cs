namespace MigraineProtocol.Diaries;

/// <summary>The patient-reported peak intensity of a headache day (the mild/moderate/severe scale of ICHD-3 1.1 C).</summary>
public enum HeadacheSeverity
{
    /// <summary>Mild.</summary>
    Mild = 1,

    /// <summary>Moderate.</summary>
    Moderate = 2,

    /// <summary>Severe.</summary>
    Severe = 3,
}
