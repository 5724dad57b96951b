using System.Diagnostics;
using System.Text;

namespace MigraineProtocol.Fuzz;

/// <summary>
/// An in-process mutation fuzzer: byte flips, deletions, duplications, splices between seeds and
/// insertions of tokens that readers find hard (numbers at the edges of their types, dates near the
/// calendar's ends, nulls, deep nesting, quotes, surrogates). Each distinct exception (type and first
/// stack frame) is written to the output folder once.
/// </summary>
public static class Mutator
{
    private static readonly string[] Tokens =
    [
        "null", "[null]", "{}", "[]", "\"\"", "0", "-1", "0.001", "1e400", "-0", "79228162514264337593543950335", "2147483648", "10001", "1000000", "600000",
        "\"9999-12-31\"", "\"0001-01-01\"", "9999-12-31", "9999-12-01", "0001-01-01", "\"2026-02-30\"", ",", ",,", "\"", "\"\"\"", "\r", "\r\n", "\n",
        "\\u0000", "\\ud800", "\\udc00", "\u001b[31m", "-ftp", "-left-ftp", "-midline-ftp", "\"units\"", "\"site\"", "\"date\"", "\"vials\"", "\"resourceType\":\"Bundle\"",
        "[[[[[[[[[[[[[[[[[[[[", "]]]]]]]]]]]]]]]]]]]]", "/*", "//", "\uFEFF", "é", "𝄞", ";", "triptan", "severe", "24", "0.0001",
    ];

    /// <summary>The result of a run.</summary>
    /// <param name="Executions">Inputs run.</param>
    /// <param name="Elapsed">Time taken.</param>
    /// <param name="Findings">Distinct exceptions found.</param>
    /// <param name="Slowest">The slowest single input.</param>
    public sealed record Result(long Executions, TimeSpan Elapsed, int Findings, TimeSpan Slowest);

    /// <summary>Runs the target on mutated seeds for a while.</summary>
    /// <param name="target">The target.</param>
    /// <param name="seeds">The seed inputs.</param>
    /// <param name="duration">How long to run.</param>
    /// <param name="output">Where findings are written.</param>
    /// <param name="seed">The random seed.</param>
    /// <returns>What happened.</returns>
    public static Result Run(Action<string> target, IReadOnlyList<byte[]> seeds, TimeSpan duration, string output, int seed)
    {
        var random = new Random(seed);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var slowest = TimeSpan.Zero;
        long executions = 0;
        var pool = seeds.Count == 0 ? [[]] : seeds.ToList();
        while (clock.Elapsed < duration)
        {
            var input = Mutate(pool[random.Next(pool.Count)], pool, random);
            var text = FuzzTargets.Decode(input);
            var started = clock.Elapsed;
            try
            {
                target(text);
            }
            catch (Exception e)
            {
                var frame = new StackTrace(e).GetFrames().FirstOrDefault(f => f.GetMethod()?.DeclaringType?.Namespace?.StartsWith("MigraineProtocol", StringComparison.Ordinal) == true);
                var key = $"{e.GetType().Name} at {frame?.GetMethod()?.DeclaringType?.Name}.{frame?.GetMethod()?.Name}";
                if (seen.Add(key))
                {
                    var name = Path.Combine(output, $"finding-{seen.Count:00}");
                    File.WriteAllBytes(name, input);
                    File.WriteAllText(name + ".txt", $"{key}\n{e}\n");
                    Console.Error.WriteLine($"finding {seen.Count}: {key}: {e.Message.Split('\n')[0]}");
                }
            }

            var took = clock.Elapsed - started;
            if (took > slowest)
            {
                slowest = took;
            }

            executions++;
            if (random.Next(50) == 0 && pool.Count < 2000)
            {
                pool.Add(input);
            }
        }

        return new Result(executions, clock.Elapsed, seen.Count, slowest);
    }

    private static byte[] Mutate(byte[] source, List<byte[]> pool, Random random)
    {
        var data = new List<byte>(source);
        var rounds = 1 + random.Next(4);
        for (var r = 0; r < rounds; r++)
        {
            var at = data.Count == 0 ? 0 : random.Next(data.Count + 1);
            switch (random.Next(7))
            {
                case 0 when data.Count > 0:
                    data[Math.Min(at, data.Count - 1)] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when data.Count > 0:
                    data.RemoveRange(Math.Min(at, data.Count - 1), Math.Min(1 + random.Next(16), data.Count - Math.Min(at, data.Count - 1)));
                    break;
                case 2:
                case 3:
                    data.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]));
                    break;
                case 4 when data.Count > 0:
                    var from = random.Next(data.Count);
                    var length = Math.Min(1 + random.Next(64), data.Count - from);
                    data.InsertRange(at, data.GetRange(from, length));
                    break;
                case 5:
                    var other = pool[random.Next(pool.Count)];
                    if (other.Length > 0)
                    {
                        var start = random.Next(other.Length);
                        data.InsertRange(at, other.Skip(start).Take(1 + random.Next(128)));
                    }

                    break;
                default:
                    // Replace a run of digits with an extreme number.
                    var digit = data.FindIndex(Math.Min(at, data.Count), b => b is >= (byte)'0' and <= (byte)'9');
                    if (digit >= 0)
                    {
                        var end = digit;
                        while (end < data.Count && data[end] is >= (byte)'0' and <= (byte)'9' or (byte)'.')
                        {
                            end++;
                        }

                        data.RemoveRange(digit, end - digit);
                        data.InsertRange(digit, Encoding.UTF8.GetBytes(Tokens[random.Next(5, 14)]));
                    }

                    break;
            }
        }

        return [.. data];
    }
}
