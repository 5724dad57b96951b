using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using MigraineProtocol.Definitions;
using MigraineProtocol.Serialization;

namespace MigraineProtocol.Benchmarks.Input;

/// <summary>
/// <c>validate --batch</c> (issue 14): sessions per second through <see cref="BatchValidation"/> against a raw
/// <see cref="Utf8JsonReader"/> pass over the same NDJSON bytes (goal: within 3x of the raw parse). 1,000 lines,
/// each the 31-site example session with the example history (every fourth line the invalid example, no history);
/// times are per line (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
public class BatchValidationBenchmarks
{
    /// <summary>The number of lines of the batch.</summary>
    public const int Lines = 1_000;
    private byte[] utf8 = [];

    /// <summary>Gets the batch text (after <see cref="Setup"/>).</summary>
    public string Text { get; private set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        static string OneLine(string name) =>
            JsonDocument.Parse(File.ReadAllText(Path.Combine(Root(), "docs", "examples", name))).RootElement.GetRawText().Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal);
        var valid = OneLine("session-valid.json");
        var invalid = OneLine("session-invalid.json");
        var history = OneLine("history.json");
        var text = new StringBuilder();
        for (var i = 0; i < Lines; i++)
        {
            text.Append(i % 4 == 3
                ? $$"""{"patient": "p-{{i}}", "session": {{invalid}}}"""
                : $$"""{"patient": "p-{{i}}", "session": {{valid}}, "history": {{history}}}""").Append('\n');
        }

        Text = text.ToString();
        utf8 = Encoding.UTF8.GetBytes(Text);
    }

    /// <summary>The floor: every token of every line read with <see cref="Utf8JsonReader"/>, nothing built.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Lines)]
    public int RawUtf8JsonReader()
    {
        var tokens = 0;
        ReadOnlySpan<byte> rest = utf8;
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            var reader = new Utf8JsonReader(line);
            while (reader.Read())
            {
                tokens++;
            }
        }

        return tokens;
    }

    /// <summary>Read, check strictly and validate every line (decoding the bytes included).</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public int BatchValidate()
    {
        using var reader = new StreamReader(new MemoryStream(utf8), Encoding.UTF8);
        var valid = 0;
        foreach (var r in BatchValidation.Validate(reader, "bench.ndjson", KnownProtocols.Preempt))
        {
            valid += r.Report is { IsValid: true } ? 1 : 0;
        }

        return valid;
    }

    /// <summary>As <see cref="BatchValidate"/>, plus writing each result as its NDJSON line (what the CLI prints).</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public int BatchValidateAndWrite()
    {
        using var reader = new StreamReader(new MemoryStream(utf8), Encoding.UTF8);
        var chars = 0;
        foreach (var r in BatchValidation.Validate(reader, "bench.ndjson", KnownProtocols.Preempt))
        {
            chars += BatchValidation.Write(r).Length;
        }

        return chars;
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "docs", "examples", "session-valid.json")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (docs/examples) was not found.");
    }
}
