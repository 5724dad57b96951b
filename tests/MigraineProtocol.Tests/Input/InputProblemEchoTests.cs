using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Input;

namespace MigraineProtocol.Tests.Input;

/// <summary>
/// The one quoting policy for values echoed in problem messages (<see cref="InputProblem.Quote"/>),
/// public so that readers outside the core (the CDS Hooks request reader) echo the same way.
/// </summary>
public sealed class InputProblemEchoTests
{
    /// <summary>Law: what is escaped can be read back exactly (below the length cap), by a simple unescaper.</summary>
    [Property(MaxTest = 500)]
    public Property EscapeRoundTripsBelowTheCap(NonNull<string> value)
    {
        var v = value.Get.Length > InputLimits.MaxEchoLength ? value.Get[..InputLimits.MaxEchoLength] : value.Get;
        return (Unescape(InputProblem.Escape(v)) == v).Label(v);
    }

    /// <summary>Law: the escaped text holds no character a terminal could act on, and the cut keeps surrogate pairs whole.</summary>
    [Property(MaxTest = 500)]
    public Property EscapedTextIsInert(NonNull<string> value)
    {
        var escaped = InputProblem.Escape(value.Get);
        var inert = escaped.All(c => !char.IsControl(c) && c is not ((>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u2028' or '\u2029'));
        var pairsWhole = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(escaped)) == escaped;
        return (inert && pairsWhole).Label(escaped);
    }

    [Fact]
    public void QuoteEscapesControlsQuotesAndBidiOverridesAndCaps()
    {
        Assert.Equal("'it\\'s a\\\\b\\n\\u001B[31m\\u202E'", InputProblem.Quote("it's a\\b\n\u001b[31m\u202e"));
        Assert.Equal("null", InputProblem.Quote(null));
        Assert.Equal("'\\uD800'", InputProblem.Quote("\ud800"));
        var pair = "\U0001F600";
        var cut = InputProblem.Escape(new string('a', InputLimits.MaxEchoLength - 1) + pair + "tail");
        Assert.Equal(new string('a', InputLimits.MaxEchoLength - 1) + "…", cut);
        Assert.Equal(new string('a', InputLimits.MaxEchoLength) + "…", InputProblem.Escape(new string('a', InputLimits.MaxEchoLength + 1)));
        Assert.Equal(new string('a', InputLimits.MaxEchoLength), InputProblem.Escape(new string('a', InputLimits.MaxEchoLength)));
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => InputProblem.Escape(null!)).ParamName);
    }

    private static string Unescape(string text)
    {
        var b = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\')
            {
                b.Append(text[i]);
                continue;
            }

            var next = text[++i];
            if (next == 'u')
            {
                b.Append((char)int.Parse(text.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 4;
            }
            else
            {
                b.Append(next switch { 'n' => '\n', 'r' => '\r', 't' => '\t', _ => next });
            }
        }

        return b.ToString();
    }
}
