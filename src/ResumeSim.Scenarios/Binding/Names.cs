using System.Text.RegularExpressions;

namespace ResumeSim.Scenarios.Binding;

/// <summary>
/// Scenario and strategy names become folder names (<c>results/&lt;name&gt;/</c>) and CSV values, so
/// they are limited to characters that are safe in a path on every OS and need no CSV quoting.
/// </summary>
internal static partial class Names
{
    public const string Form = "a name of letters, digits, '-', '_' and '.' (not '.' or '..')";

    public static bool IsSafe(string name) => SafeName().IsMatch(name) && name != "." && name != "..";

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,100}$")]
    private static partial Regex SafeName();
}
