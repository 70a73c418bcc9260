using System.Text.Json;

namespace PatentTransfer.Matching.Recommend;

/// <summary>A demand's structured facts as one stored field of the reverse index (the texts are indexed, not stored).</summary>
internal static class DemandProfileCodec
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public static string Encode(DemandProfile profile) => JsonSerializer.Serialize(profile, Json);

    public static DemandProfile Decode(string? stored) =>
        (stored is null ? null : JsonSerializer.Deserialize<DemandProfile>(stored, Json)) ?? new DemandProfile("", "");
}
