using System.Diagnostics;
using System.Globalization;
using Weishi.Web.Features.Selection;

// Times the three selection rules on 200 random proposals (fixed seeds): median of 21 runs per seed.
const int Proposals = 200;
const long Budget = 2_000_000_00; // 200 万元 in fen
var inv = CultureInfo.InvariantCulture;
foreach (var seed in new[] { 1, 2, 3, 4, 5 })
{
    var rng = new Random(seed);
    var items = Enumerable.Range(1, Proposals)
        .Select(i => new Candidate(i, rng.Next(5_000, 500_000) * 100L, Math.Round((decimal)(rng.NextDouble() * 70 + 30), 2), rng.Next(0, 300))).ToList();
    var ballots = Enumerable.Range(0, 1000)
        .Select(_ => (IReadOnlyCollection<int>)Enumerable.Range(0, rng.Next(1, 6)).Select(_ => rng.Next(1, Proposals + 1)).ToHashSet()).ToList();
    Console.WriteLine(string.Create(inv, $"seed {seed}: knapsack {Median(() => SelectionRules.Knapsack(items, Budget)):0.00} ms, " +
        $"greedy {Median(() => SelectionRules.Greedy(items, Budget)):0.00} ms, equal shares (1000 voters) {Median(() => SelectionRules.EqualShares(items, ballots, Budget)):0.00} ms"));
}

// Hard instances for branch and bound: every proposal's score is (nearly) proportional to its cost.
foreach (var seed in new[] { 11, 12, 13 })
{
    var rng = new Random(seed);
    var items = Enumerable.Range(1, Proposals).Select(i =>
    {
        var cost = rng.Next(5_000, 500_000) * 100L;
        return new Candidate(i, cost, Math.Round(cost / 5_000_00m + (decimal)rng.NextDouble() * 0.5m, 2), 0);
    }).ToList();
    Console.WriteLine(string.Create(inv, $"correlated seed {seed}: knapsack {Median(() => SelectionRules.Knapsack(items, Budget)):0.00} ms"));
}

// Many small proposals: about 70 of the 200 fit, so the search tree is deep.
foreach (var seed in new[] { 21, 22, 23 })
{
    var rng = new Random(seed);
    var items = Enumerable.Range(1, Proposals).Select(i =>
    {
        var cost = rng.Next(5_000, 50_000) * 100L;
        return new Candidate(i, cost, Math.Round(cost / 5_000_00m + (decimal)rng.NextDouble() * 2m, 2), 0);
    }).ToList();
    Console.WriteLine(string.Create(inv, $"small-costs seed {seed}: knapsack {Median(() => SelectionRules.Knapsack(items, Budget)):0.00} ms"));
}

static double Median(Func<SelectionOutcome> run)
{
    run();
    var times = new List<double>();
    for (var i = 0; i < 21; i++)
    {
        var watch = Stopwatch.StartNew();
        run();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    return times[times.Count / 2];
}
