using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using MigraineProtocol.Definitions;
using MigraineProtocol.Input;
using MigraineProtocol.Rules;
using MigraineProtocol.Serialization;

namespace MigraineProtocol.Benchmarks.Input;

/// <summary>
/// Where the time of <see cref="BatchValidationBenchmarks"/> goes (issue 14): each step of a batch line on its own,
/// over the same 1,000 lines, against the same raw <see cref="Utf8JsonReader"/> pass; times are per line.
/// </summary>
[MemoryDiagnoser]
public class BatchValidationBreakdownBenchmarks
{
    private readonly BatchValidationBenchmarks lines = new();
    private byte[][] utf8 = [];
    private string[] text = [];
    private BatchLine?[] read = [];
    private SessionValidator validator = null!;

    [GlobalSetup]
    public void Setup()
    {
        lines.Setup();
        text = lines.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        utf8 = [.. text.Select(Encoding.UTF8.GetBytes)];
        validator = RuleSet.Default.Compile(KnownProtocols.Preempt);
        read = [.. text.Select(t => BatchLineJson.TryRead(t, "b", 1, out var line, out _, out _) ? line : null)];
    }

    /// <summary>The floor: every token of every line read with <see cref="Utf8JsonReader"/>, nothing built.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = BatchValidationBenchmarks.Lines)]
    public int RawUtf8JsonReader()
    {
        var tokens = 0;
        foreach (var line in utf8)
        {
            var reader = new Utf8JsonReader(line);
            while (reader.Read())
            {
                tokens++;
            }
        }

        return tokens;
    }

    /// <summary>Decoding the lines to strings (what <see cref="TextReader.ReadLine"/> does).</summary>
    [Benchmark(OperationsPerInvoke = BatchValidationBenchmarks.Lines)]
    public int DecodeLines()
    {
        var chars = 0;
        foreach (var line in utf8)
        {
            chars += Encoding.UTF8.GetString(line).Length;
        }

        return chars;
    }

    /// <summary>The strict reader's text check and shape check (ADR 0100) of each line, nothing deserialized.</summary>
    [Benchmark(OperationsPerInvoke = BatchValidationBenchmarks.Lines)]
    public int StrictCheck()
    {
        var ok = 0;
        foreach (var line in text)
        {
            var sink = new ProblemSink("b");
            ok += JsonInput.CheckText(line, "a batch line", sink) && JsonInput.Check(Encoding.UTF8.GetBytes(line), RecordJsonContext.Default.BatchLineDocument, "a batch line", sink) ? 1 : 0;
        }

        return ok;
    }

    /// <summary>System.Text.Json's source-generated deserializer alone, from the UTF-8 bytes.</summary>
    [Benchmark(OperationsPerInvoke = BatchValidationBenchmarks.Lines)]
    public int Deserialize()
    {
        var n = 0;
        foreach (var line in utf8)
        {
            n += JsonSerializer.Deserialize(line, RecordJsonContext.Default.BatchLineDocument) is { } d ? d.Session.Injections.Count : 0;
        }

        return n;
    }

    /// <summary>The whole read of a line (<see cref="BatchLineJson.TryRead"/>): checks, deserialize, domain objects.</summary>
    [Benchmark(OperationsPerInvoke = BatchValidationBenchmarks.Lines)]
    public int ReadOnly()
    {
        var n = 0;
        foreach (var line in text)
        {
            n += BatchLineJson.TryRead(line, "b", 1, out _, out _, out _) ? 1 : 0;
        }

        return n;
    }

    /// <summary>The rules alone, on lines already read.</summary>
    [Benchmark(OperationsPerInvoke = BatchValidationBenchmarks.Lines)]
    public int ValidateOnly()
    {
        var n = 0;
        foreach (var line in read)
        {
            if (line is not null)
            {
                n += validator.Validate(line.Session, line.History).IsValid ? 1 : 0;
            }
        }

        return n;
    }
}
