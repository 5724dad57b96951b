using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace MigraineProtocol.Utility;

/// <summary>Argument checks that throw <see cref="ArgumentException"/>-family errors naming the value and the rule.</summary>
internal static class Preconditions
{
    internal static T CheckNotNull<T>([NotNull] T? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        return value;
    }

    internal static string CheckNotBlank([NotNull] string? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"The value of '{paramName}' must not be empty or white space.", paramName);
        }

        return value;
    }

    internal static void CheckArgument([DoesNotReturnIf(false)] bool condition, string paramName, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, paramName);
        }
    }

    internal static void CheckRange([DoesNotReturnIf(false)] bool condition, string paramName, object? actualValue, string message)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(paramName, actualValue, message);
        }
    }
}
