namespace PatentTransfer.Matching.Tests;

/// <summary>
/// Short names for the ids of test patents and demands, so that tests compare result lists as readable keys
/// ("battery", "anode") instead of Guids. Ids are new for every record; keys may repeat (twins, extras).
/// </summary>
internal static class TestKeys
{
    private static readonly Dictionary<Guid, string> Keys = [];

    public static Guid NewId(string key)
    {
        var id = Guid.NewGuid();
        lock (Keys)
        {
            Keys[id] = key;
        }

        return id;
    }

    public static string KeyOf(Guid id)
    {
        lock (Keys)
        {
            return Keys.TryGetValue(id, out var key) ? key : id.ToString();
        }
    }
}
