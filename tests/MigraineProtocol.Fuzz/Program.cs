using MigraineProtocol.Fuzz;

// Usage (docs/quality.md, "Fuzzing"):
//   MigraineProtocol.Fuzz TARGET                       run under AFL++ (afl-fuzz ... -- ./MigraineProtocol.Fuzz TARGET)
//   MigraineProtocol.Fuzz TARGET --replay PATH...      run files (or every file of folders) in process; exit 1 on any exception
//   MigraineProtocol.Fuzz TARGET --mutate SECONDS SEEDS OUT   in-process random mutation; findings are written to OUT
if (args.Length == 0 || !FuzzTargets.All.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine($"usage: MigraineProtocol.Fuzz {string.Join('|', FuzzTargets.All.Keys)} [--replay PATH... | --mutate SECONDS SEEDS OUT]");
    return 2;
}

if (args.Length == 1)
{
    SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
    {
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        target(FuzzTargets.Decode(memory.ToArray()));
    });
    return 0;
}

if (args[1] == "--replay")
{
    var files = args.Skip(2).SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories) : [p]).Order(StringComparer.Ordinal).ToList();
    var failed = 0;
    foreach (var file in files)
    {
        try
        {
            target(FuzzTargets.Decode(File.ReadAllBytes(file)));
        }
        catch (Exception e)
        {
            failed++;
            Console.Error.WriteLine($"{file}: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
        }
    }

    Console.WriteLine($"{args[0]}: {files.Count} inputs replayed, {failed} failed");
    return failed == 0 ? 0 : 1;
}

if (args[1] == "--mutate" && args.Length == 5)
{
    var seconds = double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
    var seeds = Directory.EnumerateFiles(args[3], "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
    Directory.CreateDirectory(args[4]);
    var result = Mutator.Run(target, seeds, TimeSpan.FromSeconds(seconds), args[4], seed: 12);
    Console.WriteLine($"{args[0]}: {result.Executions} executions in {result.Elapsed.TotalSeconds:0} s ({result.Executions / Math.Max(result.Elapsed.TotalSeconds, 0.001):0}/s), {result.Findings} distinct findings, slowest input {result.Slowest.TotalMilliseconds:0} ms");
    return result.Findings == 0 ? 0 : 1;
}

Console.Error.WriteLine("unknown mode");
return 2;
