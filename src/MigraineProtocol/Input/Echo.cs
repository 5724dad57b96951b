using System.Globalization;
using System.Text;

namespace MigraineProtocol.Input;

/// <summary>
/// Quotes a value taken from the input for a problem message: in single quotes, control characters,
/// bidirectional overrides and lone surrogates escaped (<c>\n</c>, <c>\u001B</c>), cut to
/// <see cref="InputLimits.MaxEchoLength"/> characters with an ellipsis. A file can never write raw
/// control sequences to a terminal through a message.
/// </summary>
internal static class Echo
{
    internal static string Quote(string? value) => value is null ? "null" : "'" + Escape(value) + "'";

    internal static string Escape(string value)
    {
        var max = InputLimits.MaxEchoLength;
        var cut = value.Length > max;
        var length = cut ? max : value.Length;
        if (cut && char.IsHighSurrogate(value[length - 1]))
        {
            length--;
        }

        var text = new StringBuilder(length + 8);
        for (var i = 0; i < length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(c).Append(value[++i]);
                continue;
            }

            switch (c)
            {
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\\': text.Append("\\\\"); break;
                case '\'': text.Append("\\'"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u2028' or '\u2029')
                    {
                        text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return cut ? text.Append('…').ToString() : text.ToString();
    }
}
