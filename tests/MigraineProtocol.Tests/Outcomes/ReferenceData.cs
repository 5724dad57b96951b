using System.Globalization;

namespace MigraineProtocol.Tests.Outcomes;

/// <summary>Reads the reference values that Reference/reference.R computed with R (see reference-output.txt).</summary>
internal static class ReferenceData
{
    internal static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Outcomes", "Reference", file);

    /// <summary>Rows of a reference CSV as dictionaries of column name to text.</summary>
    internal static IReadOnlyList<Dictionary<string, string>> Read(string file)
    {
        var lines = File.ReadAllLines(PathOf(file));
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l => header.Zip(l.Split(','), (h, v) => (h, v)).ToDictionary(x => x.h, x => x.v))];
    }

    internal static double D(this Dictionary<string, string> row, string column) => double.Parse(row[column], CultureInfo.InvariantCulture);

    internal static long L(this Dictionary<string, string> row, string column) => checked((long)double.Parse(row[column], CultureInfo.InvariantCulture));

    /// <summary>Asserts |actual - expected| ≤ tolerance · max(1, |expected|).</summary>
    internal static void Close(double expected, double actual, double tolerance, string what)
    {
        var scale = Math.Max(1.0, Math.Abs(expected));
        Assert.True(Math.Abs(actual - expected) <= tolerance * scale, $"{what}: expected {expected:R}, got {actual:R} (difference {actual - expected:R}, tolerance {tolerance * scale:R})");
    }

    /// <summary>Asserts a relative error of at most the tolerance (absolute when the expected value is 0).</summary>
    internal static void Relative(double expected, double actual, double tolerance, string what)
    {
        var scale = expected == 0 ? 1.0 : Math.Abs(expected);
        Assert.True(Math.Abs(actual - expected) <= tolerance * scale, $"{what}: expected {expected:R}, got {actual:R} (relative difference {Math.Abs(actual - expected) / scale:R})");
    }
}
