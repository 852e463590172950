using Weishi.Tests.Infrastructure;
using Weishi.TextMining.Classification;
using Weishi.Web.Features.Mining;
using Weishi.Web.Infrastructure.Cli;

namespace Weishi.Tests.Mining;

[Collection(DemoCollection.Name)]
public class MineCliTests(DemoApp app) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("weishi-mine-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => CliRunner.RunAsync(app.Factory, args);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content, new System.Text.UTF8Encoding(true));
        return path;
    }

    private static readonly string LongText = string.Concat(Enumerable.Repeat("小区老年人较多，希望开设长者食堂解决老人吃饭难的问题。", 400));

    [Fact]
    public async Task Mine_keeps_every_row_and_column_and_adds_category_confidence_duplicate_group_keywords()
    {
        var input = Write("needs.csv",
            "id,text,来源\r\n" +
            "1,希望在小区增设电动自行车充电桩，现在充电很不方便,热线\r\n" +
            "2,\"希望小区增设电动自行车充电桩,现在充电很不方便！\",\"走访, \"\"入户\"\"\"\r\n" +
            "3,\"小区老年人较多\n希望开设长者食堂\",纸质\r\n" +
            "4,,热线\r\n" +
            "5,！！！。。。😀😀,热线\r\n" +
            $"6,{LongText},热线\r\n");
        var output = Path.Combine(_dir, "out.csv");

        var (code, stdout, err) = await RunAsync("mine", input, "--out", output);

        Assert.True(code == 0, err);
        Assert.Contains("已分析 6 条", stdout);
        var text = File.ReadAllText(output);
        var rows = DelimitedText.Parse(text.TrimStart('\uFEFF'), ',');
        Assert.Equal(["id", "text", "来源", "category", "confidence", "duplicate_group", "keywords"], rows[0]);
        Assert.Equal(7, rows.Count);
        Assert.Equal("走访, \"入户\"", rows[2][2]);
        Assert.Equal("小区老年人较多\n希望开设长者食堂", rows[3][1]);
        Assert.Equal(LongText, rows[6][1]);
        var names = Categories.All.Select(Categories.ChineseName).ToHashSet();
        Assert.All(rows.Skip(1), r =>
        {
            Assert.Equal(7, r.Count);
            Assert.Contains(r[3], names);
            Assert.InRange(double.Parse(r[4], System.Globalization.CultureInfo.InvariantCulture), 0, 1);
        });
        Assert.NotEqual("", rows[1][5]);
        Assert.Equal(rows[1][5], rows[2][5]);
        Assert.NotEqual(rows[1][5], rows[3][5]);
        Assert.Equal("", rows[4][6]);
        Assert.Contains("充电桩", rows[1][6]);
    }

    [Fact]
    public async Task Mine_reads_and_writes_tab_separated_files_next_to_the_input_by_default()
    {
        var input = Write("needs.tsv", "text\tcommunity\n路灯坏了很久，晚上出行不安全\t竹坑社区\n");

        var (code, _, err) = await RunAsync("mine", input);

        Assert.True(code == 0, err);
        var rows = DelimitedText.Parse(File.ReadAllText(Path.Combine(_dir, "needs.mined.tsv")).TrimStart('\uFEFF'), '\t');
        Assert.Equal(["text", "community", "category", "confidence", "duplicate_group", "keywords"], rows[0]);
        Assert.Equal("竹坑社区", rows[1][1]);
    }

    [Fact]
    public async Task Mine_refuses_a_file_without_a_text_column_and_writes_nothing()
    {
        var input = Write("bad.csv", "内容,来源\n路灯坏了,热线\n");

        var (code, _, err) = await RunAsync("mine", input);

        Assert.Equal(1, code);
        Assert.Contains("没有 text 列", err);
        Assert.False(File.Exists(Path.Combine(_dir, "bad.mined.csv")));
    }

    [Fact]
    public async Task Mine_refuses_a_file_that_is_not_utf8()
    {
        var input = Path.Combine(_dir, "gbk.csv");
        File.WriteAllBytes(input, [0x74, 0x65, 0x78, 0x74, 0x0A, 0xC2, 0xB7, 0xB5, 0xC6, 0xFF, 0xFE, 0x0A]);

        var (code, _, err) = await RunAsync("mine", input);

        Assert.Equal(1, code);
        Assert.Contains("不是 UTF-8 编码", err);
    }

    [Theory]
    [InlineData(new[] { "mine" }, "需要输入文件")]
    [InlineData(new[] { "mine", "/nonexistent/needs.csv" }, "文件不存在")]
    [InlineData(new[] { "mine", "x.csv", "--colour", "red" }, "未知参数 --colour")]
    [InlineData(new[] { "mine", "x.csv", "--out" }, "缺少取值")]
    public async Task Mine_bad_arguments_get_a_clear_Chinese_message_and_exit_code_2(string[] args, string message)
    {
        var (code, _, err) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains(message, err);
        Assert.Contains("用法", err);
    }
}
