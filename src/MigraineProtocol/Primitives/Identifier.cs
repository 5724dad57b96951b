namespace MigraineProtocol.Primitives;

/// <summary>
/// The grammar shared by every identifier in the library: lower-case ASCII letters and digits in
/// kebab-case segments, starting with a letter, at most <see cref="MaxLength"/> characters
/// (for example <c>temporalis-left-3</c>). Identifiers are public contracts that integrators store.
/// </summary>
internal static class Identifier
{
    /// <summary>The maximum length of an identifier.</summary>
    internal const int MaxLength = 64;

    internal static bool IsValid(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || s.Length > MaxLength || !char.IsAsciiLetterLower(s[0]) || s[^1] == '-')
        {
            return false;
        }

        for (var i = 1; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '-')
            {
                if (s[i - 1] == '-')
                {
                    return false;
                }
            }
            else if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    internal static string Describe(string kind) =>
        $"A {kind} is lower-case ASCII letters and digits in kebab-case segments, starting with a letter, at most {MaxLength} characters (for example 'temporalis-left-3').";

    internal static string Check(string? value, string kind, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (!IsValid(value))
        {
            throw new ArgumentException($"'{value}' is not a valid {kind}. {Describe(kind)}", paramName);
        }

        return value;
    }

    internal static FormatException FormatError(string? value, string kind) =>
        new($"'{value}' is not a valid {kind}. {Describe(kind)}");
}
