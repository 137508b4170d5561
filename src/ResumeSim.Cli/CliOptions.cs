using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ResumeSim.Cli;

/// <summary>
/// Options whose values are parsed here rather than by System.CommandLine's converters, so that every
/// bad value becomes one parse error naming the option, the value and the accepted range. The
/// library's own conversion error names a CLR type, and reading a value it could not convert from a
/// validator throws; a custom parser that reports its own error avoids both.
/// </summary>
internal static class CliOptions
{
    // Values are echoed back in errors; a long one (a pasted file) is cut to this many characters.
    private const int EchoLength = 40;

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or <paramref name="fallback"/> when absent.</summary>
    public static Option<int> Int(string name, string description, int min, int max, int fallback) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => fallback,
        CustomParser = r => ParseInt(r, name, min, max) ?? fallback,
    };

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or null when absent.</summary>
    public static Option<int?> OptionalInt(string name, string description, int min, int max) => new(name)
    {
        Description = description,
        CustomParser = r => ParseInt(r, name, min, max),
    };

    /// <summary>One or more whole numbers from <paramref name="min"/> to <paramref name="max"/> (space-separated, or the option repeated).</summary>
    public static Option<int[]> IntList(string name, string description, int min, int max) => new(name)
    {
        Description = description,
        AllowMultipleArgumentsPerToken = true,
        CustomParser = r =>
        {
            var values = new int[r.Tokens.Count];
            for (var i = 0; i < values.Length; i++)
            {
                if (ParseInt(r.Tokens[i].Value, r, name, min, max) is not { } value)
                {
                    return [];
                }

                values[i] = value;
            }

            return values;
        },
    };

    /// <summary>A whole number from 0 to 2^64-1, or null when absent.</summary>
    public static Option<ulong?> OptionalUInt64(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = r =>
        {
            var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
            if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            r.AddError($"{name}: {Echo(text)} is not a whole number from 0 to {ulong.MaxValue}");
            return null;
        },
    };

    /// <summary>
    /// A file or folder path: not empty, not only spaces, no NUL character (which no file system allows
    /// and which would cut the path short in a C call).
    /// </summary>
    public static Option<string> Path(string name, string description, string fallback) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => fallback,
        CustomParser = r => ParsePath(r, name) ?? fallback,
    };

    /// <summary>As <see cref="Path(string, string, string)"/>, without a default: null when absent.</summary>
    public static Option<string?> OptionalPath(string name, string description, bool required = false) => new(name)
    {
        Description = description,
        Required = required,
        CustomParser = r => ParsePath(r, name),
    };

    /// <summary>A value cut to a short excerpt and quoted, for an error message.</summary>
    public static string Echo(string text)
    {
        var cut = text.Length > EchoLength ? text[..EchoLength] + "..." : text;
        var printable = string.Concat(cut.Select(c => char.IsControl(c) ? '?' : c));
        return $"'{printable}'";
    }

    private static int? ParseInt(ArgumentResult r, string name, int min, int max) =>
        ParseInt(r.Tokens.Count == 1 ? r.Tokens[0].Value : "", r, name, min, max);

    private static int? ParseInt(string text, ArgumentResult r, string name, int min, int max)
    {
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            if (text.Length > 0 && text.TrimStart('-', '+').Length > 0 && text.TrimStart('-', '+').All(char.IsAsciiDigit))
            {
                r.AddError($"{name}: {Echo(text)} is out of range; expected {Range(min, max)}");
                return null;
            }

            r.AddError($"{name}: {Echo(text)} is not a whole number; expected {Range(min, max)}");
            return null;
        }

        if (value < min || value > max)
        {
            r.AddError($"{name}: {value.ToString(CultureInfo.InvariantCulture)} is out of range; expected {Range(min, max)}");
            return null;
        }

        return (int)value;
    }

    private static string? ParsePath(ArgumentResult r, string name)
    {
        var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
        var problem =
            text.Length == 0 ? "is empty" :
            string.IsNullOrWhiteSpace(text) ? "is only spaces" :
            text.Contains('\0', StringComparison.Ordinal) ? "holds a NUL character" :
            null;
        if (problem is null)
        {
            return text;
        }

        r.AddError($"{name}: the path {problem}; expected a file or folder path");
        return null;
    }

    private static string Range(int min, int max) => string.Create(CultureInfo.InvariantCulture, $"a whole number from {min:N0} to {max:N0}");
}
