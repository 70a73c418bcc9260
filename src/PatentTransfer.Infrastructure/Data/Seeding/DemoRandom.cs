namespace PatentTransfer.Infrastructure.Data.Seeding;

/// <summary>
/// Deterministic choices for generated demo values: every seeder draws from a <see cref="Random"/> seeded by the
/// source record's id, so the same record gets the same generated values on every machine and every run.
/// </summary>
internal static class DemoRandom
{
    public static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"];

    /// <summary>A generator seeded by <paramref name="id"/>.</summary>
    public static Random For(string id) => new(StableSeed(id));

    /// <summary>FNV-1a: string.GetHashCode differs between runs, and the demo data must not.</summary>
    public static int StableSeed(string id)
    {
        var hash = 2166136261u;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)hash;
    }

    /// <summary>A day from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static DateOnly Between(Random random, DateOnly from, DateOnly to) =>
        to <= from ? from : from.AddDays(random.Next(0, to.DayNumber - from.DayNumber + 1));

    /// <summary>One of the keys, each as likely as its weight.</summary>
    public static string Pick(Random random, IReadOnlyList<(string Key, int Weight)> weighted)
    {
        var roll = random.Next(weighted.Sum(w => w.Weight));
        foreach (var (key, weight) in weighted)
        {
            if ((roll -= weight) < 0)
            {
                return key;
            }
        }

        return weighted[^1].Key;
    }
}
