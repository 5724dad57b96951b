namespace MigraineProtocol.Fhir;

/// <summary>Argument checks shared by the FHIR types.</summary>
internal static class Text
{
    internal static string CheckTrimmed(string value, string paramName, string what)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length != value.Length)
        {
            throw new ArgumentException($"{what} must not be blank or start or end with white space: '{value}'.", paramName);
        }

        return value;
    }
}
