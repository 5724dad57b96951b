namespace MigraineProtocol.CdsHooks.Host;

/// <summary>
/// The runnable host: <c>dotnet run --project src/MigraineProtocol.CdsHooks [-- --urls URL] [--config FILE.json]</c>.
/// Configuration section <c>CdsHooks</c> (appsettings.json, <c>--config FILE</c>, environment, command line)
/// binds to <see cref="CdsHooksOptions"/>; relative JWK Set paths are relative to the file that names them.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var configFile = ConfigFile(args);
        if (configFile is not null)
        {
            if (!File.Exists(configFile))
            {
                Console.Error.WriteLine($"{configFile}: configuration file not found");
                return 2;
            }

            builder.Configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false);
        }

        var options = new CdsHooksOptions();
        builder.Configuration.GetSection("CdsHooks").Bind(options);
        var baseDir = configFile is null ? builder.Environment.ContentRootPath : Path.GetDirectoryName(Path.GetFullPath(configFile))!;
        foreach (var issuer in options.TrustedIssuers)
        {
            if (issuer.JwksFile is { } f && !Path.IsPathRooted(f))
            {
                issuer.JwksFile = Path.Combine(baseDir, f);
            }
        }

        var app = builder.Build();
        app.MapMigraineCdsHooks(options);
        app.Run();
        return 0;
    }

    private static string? ConfigFile(string[] args)
    {
        var i = Array.IndexOf(args, "--config");
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
