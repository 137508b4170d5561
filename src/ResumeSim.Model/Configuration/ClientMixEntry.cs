namespace ResumeSim.Model.Configuration;

/// <summary>A share of the clients running one client preset (<c>chrome</c>, <c>api-client</c>, ...).</summary>
public sealed record ClientMixEntry(string Preset, double Share);
