using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Evaluation;

/// <summary>Writes the report as a Word document: cover, headings in the source report's outline, tables, page numbers.</summary>
public static class DocxReportWriter
{
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    public static void Write(EvaluationReport r, Stream output)
    {
        using var doc = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = StyleSheet();
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(PageNumber());
        var body = new Body();
        main.Document = new Document(body);

        Cover(body, r);

        body.Append(H1("一、项目基本情况"));
        body.Append(H2("（一）项目背景"), P(r.Background));
        body.Append(H2("（二）项目责任主体"), P(r.Responsibilities));
        body.Append(H2("（三）项目开展和预算执行情况"), P(r.YearsSentence));
        body.Append(Table(["年度", "实施项目（个）", "实际支出（万元）"],
            r.Years.Select(y => new[] { $"{y.Year}", EvaluationReport.CountInTable(y.Projects), EvaluationReport.WanInTable(y.SpentFen) })
                .Append(["合计", EvaluationReport.CountInTable(r.Years.Sum(y => y.Projects)), EvaluationReport.WanInTable(r.Years.Sum(y => y.SpentFen))]), [1800, 3000, 3000]));

        body.Append(H1("二、绩效评价工作开展情况"));
        body.Append(H2("（一）评价目的"), P(r.Purpose));
        body.Append(H2("（二）评价对象及范围"), P(r.ScopeText));
        body.Append(H2("（三）评价方法"), P(r.Method));

        body.Append(H1("三、评价结论及指标分析"));
        body.Append(P(r.Conclusion));
        body.Append(Table(["一级指标", "权重（分）", "得分（分）", "得分率"],
            r.Sheet.TopLevel.Select(n => new[] { n.Node.Name, $"{n.Node.Weight:0.##}", Scoring.Show(n.Score), Rate(n) })
                .Append(["合计", "100", Scoring.Show(r.Sheet.Total), $"等级：{r.Sheet.Grade}"]), [2400, 1800, 1800, 1800]));
        body.Append(P("各项指标得分情况如下表："));
        body.Append(Table(["编号", "指标", "权重", "计分方法与规则", "数据与依据", "得分"],
            r.Sheet.Nodes.Select(n => new[]
            {
                n.Node.Code, n.Node.Name, $"{n.Node.Weight:0.##}",
                n.Node.IsLeaf ? $"{IndicatorNode.MethodName(n.Node.Method)}：{n.Node.Rule}" : "",
                Basis(n), n.Score is null ? "未评分" : Scoring.Show(n.Score),
            }), [700, 1700, 600, 3000, 2300, 700]));

        body.Append(H1("四、主要成效"));
        body.Append(P(r.Achievements));

        body.Append(H1("五、存在问题"));
        if (r.Findings.Count == 0) body.Append(P("本次评价未检测到需要说明的问题。"));
        for (var i = 0; i < r.Findings.Count; i++)
        {
            var f = r.Findings[i];
            body.Append(H2($"（{Numeral(i)}）{f.Title}"), P(f.Statement));
            if (f.Evidence.Count > 0)
                body.Append(Table(["对象", "数据"], f.Evidence.Take(20).Select(e => new[] { e.Subject, e.Figure }), [3500, 5000]));
        }

        body.Append(H1("六、有关建议"));
        if (r.Recommendations.Count == 0) body.Append(P("暂无。"));
        for (var i = 0; i < r.Recommendations.Count; i++) body.Append(P($"（{Numeral(i)}）{r.Recommendations[i]}"));

        body.Append(new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1440, Right = 1440U, Bottom = 1440, Left = 1440U, Header = 851U, Footer = 992U, Gutter = 0U },
            new TitlePage()));
        main.Document.Save();
    }

    public static string Basis(ScoredNode n) => n.Node.Method switch
    {
        ScoringMethod.Data when n.Metric is { } m => $"{DataMetrics.Find(m.Code)?.Name}：{m.Show()}（{string.Join("，", m.Inputs.Select(i => $"{i.Label} {i.Value}"))}）",
        ScoringMethod.Data => "无数据",
        ScoringMethod.Proportional or ScoringMethod.Banded => n.Entry?.Actual is { } a ? $"实际值 {a:0.####}。{n.Entry.Reason}" : "待评价组填写",
        ScoringMethod.Expert => n.Entry?.Reason ?? "待评价组评分",
        _ => "",
    };

    private static string Rate(ScoredNode n) => n.Node.Weight == 0 ? "" : $"{(n.Score ?? 0) / n.Node.Weight * 100:0.0}%";

    private static string Numeral(int i) => i < Numerals.Length ? Numerals[i] : $"{i + 1}";

    private static void Cover(Body body, EvaluationReport r)
    {
        for (var i = 0; i < 4; i++) body.Append(new Paragraph());
        body.Append(Centered(r.Title, 44, true), Centered("绩效评价报告", 44, true));
        for (var i = 0; i < 4; i++) body.Append(new Paragraph());
        body.Append(Centered($"评价范围：{r.ScopeName}", 28, false), Centered($"评价期间：{r.Period}", 28, false),
            Centered($"评价组织单位：{r.Evaluator}", 28, false),
            Centered($"报告生成时间：{ChinaDate.Of(r.GeneratedAtUtc):yyyy年M月d日}", 28, false));
        body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
    }

    private static Paragraph Centered(string text, int halfPoints, bool bold)
    {
        var props = new RunProperties(new RunFonts { EastAsia = bold ? "黑体" : "宋体" });
        if (bold) props.Append(new Bold());
        props.Append(new FontSize { Val = $"{halfPoints}" });
        return new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Paragraph H1(string text) => Styled("Heading1", text);

    private static Paragraph H2(string text) => Styled("Heading2", text);

    private static Paragraph Styled(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text)));

    private static Paragraph P(string text) =>
        new(new ParagraphProperties(new Indentation { FirstLineChars = 200 }), new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Table Table(string[] headers, IEnumerable<string[]> rows, int[] widths)
    {
        static BorderType Line<T>() where T : BorderType, new() => new T { Val = BorderValues.Single, Size = 4U, Color = "000000" };
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(),
                Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>())));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = $"{w}" })));
        table.Append(Row(headers, widths, true));
        foreach (var row in rows) table.Append(Row(row, widths, false));
        return table;
    }

    private static TableRow Row(string[] cells, int[] widths, bool header)
    {
        var row = new TableRow();
        if (header) row.Append(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < cells.Length; i++)
        {
            var run = new Run(new Text(cells[i]) { Space = SpaceProcessingModeValues.Preserve });
            if (header) run.PrependChild(new RunProperties(new Bold()));
            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Width = $"{widths[i]}", Type = TableWidthUnitValues.Dxa }),
                new Paragraph(run)));
        }
        return row;
    }

    private static Paragraph PageNumber() => new(
        new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
        new Run(new Text("1")),
        new Run(new FieldChar { FieldCharType = FieldCharValues.End }));

    private static Styles StyleSheet() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = "仿宋" },
                new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" }, new Languages { EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { Line = "440", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
        Heading("Heading1", "heading 1", 0, "黑体", "32"),
        Heading("Heading2", "heading 2", 1, "楷体", "30"));

    private static Style Heading(string id, string name, int level, string font, string size) => new(
        new StyleName { Val = name },
        new BasedOn { Val = "Normal" },
        new NextParagraphStyle { Val = "Normal" },
        new PrimaryStyle(),
        new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = level }),
        new StyleRunProperties(new RunFonts { EastAsia = font }, new Bold(), new FontSize { Val = size }))
    { Type = StyleValues.Paragraph, StyleId = id };
}
