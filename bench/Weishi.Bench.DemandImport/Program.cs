using System.Diagnostics;
using System.Globalization;
using System.Text;

// Demand import benchmark: generates a hotline export of N rows (≈60 Chinese characters of text each), loads the
// demo into a fresh SQLite database (not timed), then times `import-demands` of the file in the real CLI and samples
// the process's peak resident memory. Usage:
//   dotnet run -c Release --project bench/Weishi.Bench.DemandImport -- [rows=1000000] [path to Weishi.Web.dll]
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var root = FindRepoRoot();
var webDll = args.Length > 1 ? args[1] : Path.Combine(root, "src/Weishi.Web/bin/Release/net10.0/Weishi.Web.dll");
if (!File.Exists(webDll)) { Console.Error.WriteLine($"build the app first: dotnet build src/Weishi.Web -c Release ({webDll})"); return 2; }

var work = Path.Combine(Path.GetTempPath(), "weishi-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(work);
var csv = Path.Combine(work, "hotline.csv");
var sw = Stopwatch.StartNew();
Generate(csv, rows, root);
Console.WriteLine($"generated {rows:N0} rows, {new FileInfo(csv).Length / 1024 / 1024} MB in {sw.Elapsed.TotalSeconds:0.0} s: {csv}");

var env = new Dictionary<string, string>
{
    ["ConnectionStrings__Weishi"] = $"Data Source={Path.Combine(work, "weishi.db")}",
    ["Files__Root"] = Path.Combine(work, "files"),
    ["Logging__LogLevel__Default"] = "Warning",
};
var (seedCode, seedTime, _, _) = Run(webDll, ["seed-demo"], env);
if (seedCode != 0) return seedCode;
Console.WriteLine($"demo loaded in {seedTime.TotalSeconds:0.0} s (not part of the figure)");

var (code, elapsed, peak, cpu) = Run(webDll, ["import-demands", "--file", csv], env);
// CPU time (user + system, all threads) is far less sensitive than wall time to other work on a shared machine.
Console.WriteLine($"import-demands exit {code}: {elapsed.TotalSeconds:0.0} s wall, {cpu.TotalSeconds:0.0} s CPU, peak RSS {peak / 1024 / 1024} MB, {rows / elapsed.TotalSeconds:N0} rows/s");
if (Environment.GetEnvironmentVariable("KEEP") == "1") Console.WriteLine($"kept: {work}");
else Directory.Delete(work, true);
return code;

static (int Code, TimeSpan Elapsed, long PeakBytes, TimeSpan Cpu) Run(string dll, string[] args, Dictionary<string, string> env)
{
    var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false };
    psi.ArgumentList.Add(dll);
    foreach (var a in args) psi.ArgumentList.Add(a);
    foreach (var (k, v) in env) psi.Environment[k] = v;
    var sw = Stopwatch.StartNew();
    using var p = Process.Start(psi)!;
    long peak = 0;
    var cpu = TimeSpan.Zero;
    while (!p.WaitForExit(100))
    {
        try { p.Refresh(); peak = Math.Max(peak, p.PeakWorkingSet64); cpu = p.TotalProcessorTime; } catch (InvalidOperationException) { }
    }
    return (p.ExitCode, sw.Elapsed, peak, cpu);
}

static void Generate(string path, int rows, string root)
{
    var communities = File.ReadLines(Path.Combine(root, "src/Weishi.Web/Features/Regions/Seed/pingshan-divisions.csv"))
        .Skip(1).Select(l => l.Split(',')).Where(f => f.Length > 2 && f[2] == "community")
        .Select(f => f[1].Replace("社区居委会", "社区", StringComparison.Ordinal)).ToArray();
    string[] subjects = ["小区门口的路灯", "楼道的扶手", "公园的健身器材", "社区的休息座椅", "路口的减速带", "老年活动室的空调", "儿童游乐场的地面", "垃圾分类投放点"];
    string[] problems = ["已经损坏很久了", "数量不够用", "存在安全隐患", "晚上照明不足", "经常被占用", "需要维修更换"];
    string[] wishes = ["希望社区尽快安排维修，方便老人和孩子出行。", "建议增设一批，并安排专人定期检查维护，保障居民安全。", "请相关部门实地查看后统一处理，居民们都很关心这件事。"];
    var rng = new Random(42);
    using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
    w.WriteLine("工单编号,受理时间,诉求内容,诉求地址,类别");
    var start = new DateTime(2024, 1, 1, 8, 0, 0);
    for (var i = 0; i < rows; i++)
    {
        var community = communities[rng.Next(communities.Length)];
        var text = $"{community}居民反映{subjects[rng.Next(subjects.Length)]}{problems[rng.Next(problems.Length)]}，{wishes[rng.Next(wishes.Length)]}请予以关注。";
        w.Write("BENCH-"); w.Write(i.ToString("D8", CultureInfo.InvariantCulture)); w.Write(',');
        w.Write(start.AddMinutes(i % 500_000).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)); w.Write(',');
        w.Write(text); w.Write(',');
        w.Write(community); w.Write("某某花园"); w.Write(rng.Next(1, 30).ToString(CultureInfo.InvariantCulture)); w.Write("栋,");
        w.WriteLine("市政设施");
    }
}

static string FindRepoRoot()
{
    var dir = AppContext.BaseDirectory;
    while (dir is not null && !File.Exists(Path.Combine(dir, "Weishi.slnx"))) dir = Path.GetDirectoryName(dir);
    return dir ?? Directory.GetCurrentDirectory();
}
