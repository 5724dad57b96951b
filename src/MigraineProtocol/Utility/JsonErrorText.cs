using System.Text.Json;
using System.Text.RegularExpressions;

namespace MigraineProtocol.Utility;

/// <summary>
/// Turns System.Text.Json's exception messages into messages for the people who wrote the file: no
/// .NET type names, no duplicated position (the caller prefixes file, line, column and JSON path).
/// </summary>
internal static partial class JsonErrorText
{
    internal static string Describe(JsonException e)
    {
        var message = e.Message;
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        if (UnknownProperty().Match(message) is { Success: true } unknown)
        {
            return $"unknown property '{unknown.Groups["name"].Value}'; the format does not have it (check the spelling).";
        }

        if (MissingProperties().Match(message) is { Success: true } missing)
        {
            return $"missing required property {missing.Groups["names"].Value.TrimEnd('.')}.";
        }

        if (NotConvertible().Match(message) is { Success: true } wrong)
        {
            return $"the value is not {Expected(wrong.Groups["type"].Value)}.";
        }

        return message.Trim();
    }

    private static string Expected(string type) => type switch
    {
        _ when type.StartsWith("System.Nullable`1[", StringComparison.Ordinal) => Expected(type["System.Nullable`1[".Length..^1]),
        _ when type.StartsWith("System.Collections.Generic.List`1", StringComparison.Ordinal)
            || type.StartsWith("System.Collections.Generic.IReadOnlyList`1", StringComparison.Ordinal)
            || type.EndsWith("[]", StringComparison.Ordinal) => "an array",
        "System.String" => "a string",
        "System.Boolean" => "true or false",
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Decimal" or "System.Double" => "a number",
        "System.DateOnly" => "a date",
        _ => "an object",
    };

    [GeneratedRegex(@"^The JSON property '(?<name>[^']*)' could not be mapped to any \.NET member")]
    private static partial Regex UnknownProperty();

    [GeneratedRegex(@"^JSON deserialization for type '[^']*' was missing required properties including: (?<names>.*)$")]
    private static partial Regex MissingProperties();

    [GeneratedRegex(@"^The JSON value could not be converted to (?<type>\S+)\.?$")]
    private static partial Regex NotConvertible();
}
