using Weishi.TextMining.Dedup;

namespace Weishi.Bench.TextMining;

/// <summary>
/// How far people agree on duplicates, and where the engine stands among them. SET is a labelled file (its author's
/// dup_group); each RELABEL file (text, dup_group) holds the same texts grouped by another person who saw neither the
/// labels nor the engine. For every two people, the pairs they agree on are the gold (pairs one calls duplicate and the
/// other not are left out), and the third person and the shipped engine are scored on it, side by side.
/// </summary>
public static class AnnotatorRun
{
    public static void Run(string[] args)
    {
        var set = LabelledFile.Read(args[0]);
        var judges = new List<(string Name, HashSet<(int, int)> Pairs)> { ("author", PairsOf(set.Groups)) };
        foreach (var path in args[1..])
        {
            var rows = File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).ToList();
            if (!rows.Select(r => r[0]).SequenceEqual(set.Texts)) throw new InvalidDataException($"{path}: texts differ from {args[0]}");
            judges.Add((Path.GetFileNameWithoutExtension(path), PairsOf([.. rows.Select(r => r.Length > 1 ? r[1] : "")])));
        }
        var found = new DuplicateDetector().FindGroups(set.Texts.Cast<string?>().ToList());
        var engine = PairsOf([.. found.GroupOf.Select(g => g < 0 ? "" : g.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        Console.WriteLine($"{Path.GetFileName(args[0])}: {set.Texts.Count} texts; pairs: " +
            string.Join(", ", judges.Select(j => $"{j.Name} {j.Pairs.Count}")) + $", engine {engine.Count}");
        foreach (var (name, pairs) in judges.Skip(1))
            Console.WriteLine($"  {name} against the author: {Score(pairs, judges[0].Pairs, [])}");
        Console.WriteLine($"  engine against the author: {Score(engine, judges[0].Pairs, [])}");
        for (var a = 0; a < judges.Count; a++)
        {
            for (var b = a + 1; b < judges.Count; b++)
            {
                var gold = judges[a].Pairs.Intersect(judges[b].Pairs).ToHashSet();
                var disputed = judges[a].Pairs.Union(judges[b].Pairs).Except(gold).ToHashSet();
                var line = $"  gold = {judges[a].Name} ∩ {judges[b].Name} ({gold.Count} pairs, {disputed.Count} disputed left out):";
                foreach (var third in judges.Where((_, k) => k != a && k != b))
                    line += $"  {third.Name} {Score(third.Pairs, gold, disputed)}";
                Console.WriteLine(line + $"  engine {Score(engine, gold, disputed)}");
            }
        }
    }

    private static string Score(HashSet<(int, int)> predicted, HashSet<(int, int)> gold, HashSet<(int, int)> disputed)
    {
        var counted = predicted.Where(p => !disputed.Contains(p)).ToList();
        var correct = counted.Count(gold.Contains);
        return $"{(counted.Count == 0 ? 1 : (double)correct / counted.Count):P1} / {(gold.Count == 0 ? 1 : (double)correct / gold.Count):P1}";
    }

    private static HashSet<(int, int)> PairsOf(IReadOnlyList<string> groups)
    {
        var pairs = new HashSet<(int, int)>();
        foreach (var members in Enumerable.Range(0, groups.Count).Where(i => groups[i].Length > 0).GroupBy(i => groups[i]))
        {
            var list = members.ToList();
            for (var x = 0; x < list.Count; x++)
                for (var y = x + 1; y < list.Count; y++) pairs.Add((list[x], list[y]));
        }
        return pairs;
    }
}
