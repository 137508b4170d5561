using ResumeSim.Tls;

namespace ResumeSim.Model.Metrics;

/// <summary>The snake_case names of miss reasons used in result files.</summary>
internal static class MissNames
{
    private static readonly Dictionary<MissReason, string> Names = Build();

    public static string Of(MissReason reason) => Names[reason];

    private static Dictionary<MissReason, string> Build()
    {
        var names = new Dictionary<MissReason, string>();
        foreach (var reason in Enum.GetValues<MissReason>())
        {
            var text = reason.ToString();
            var builder = new System.Text.StringBuilder(text.Length + 4);
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsUpper(text[i]) && i > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(text[i]));
            }

            names[reason] = builder.ToString();
        }

        return names;
    }
}
