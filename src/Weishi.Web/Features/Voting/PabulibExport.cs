using System.Globalization;
using System.Text;

namespace Weishi.Web.Features.Voting;

/// <summary>
/// Writes a ballot and its votes in pabulib's .pb format (META, PROJECTS, VOTES sections, semicolon separated;
/// see pabulib.org/format), so results can be checked with reference implementations. Costs are in whole 元.
/// </summary>
public static class PabulibExport
{
    public sealed record ProjectRow(int Id, string Name, long CostFen, int Votes, bool? Selected);

    public static string Write(Ballot ballot, string unit, IReadOnlyList<ProjectRow> projects, IReadOnlyList<IReadOnlyCollection<int>> votes)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("META\n").Append("key;value\n");
        void Meta(string key, string value) => sb.Append(key).Append(';').Append(Clean(value)).Append('\n');
        Meta("description", ballot.Title);
        Meta("country", "China");
        Meta("unit", unit);
        Meta("instance", ballot.Year.ToString(inv));
        Meta("num_projects", projects.Count.ToString(inv));
        Meta("num_votes", votes.Count.ToString(inv));
        Meta("budget", Yuan(ballot.BudgetFen).ToString(inv));
        Meta("vote_type", "approval");
        Meta("rule", Selection.SelectionRuleNames.Pabulib(ballot.Rule));
        Meta("date_begin", ballot.OpensAtUtc.ToString("dd.MM.yyyy", inv));
        Meta("date_end", ballot.ClosesAtUtc.ToString("dd.MM.yyyy", inv));
        Meta("min_length", "1");
        if (ballot.Kind == BallotKind.Approval) Meta("max_length", ballot.MaxChoices.ToString(inv));
        else Meta("max_sum_cost", Yuan(ballot.BudgetFen).ToString(inv));
        Meta("currency", "CNY");
        sb.Append("PROJECTS\n").Append("project_id;cost;votes;name;selected\n");
        foreach (var p in projects.OrderBy(p => p.Id))
            sb.Append(p.Id.ToString(inv)).Append(';').Append(Yuan(p.CostFen).ToString(inv)).Append(';').Append(p.Votes.ToString(inv)).Append(';')
                .Append(Clean(p.Name)).Append(';').Append(p.Selected switch { true => "1", false => "0", null => "" }).Append('\n');
        sb.Append("VOTES\n").Append("voter_id;vote\n");
        for (var v = 0; v < votes.Count; v++)
            sb.Append((v + 1).ToString(inv)).Append(';').Append(string.Join(',', votes[v].OrderBy(x => x).Select(x => x.ToString(inv)))).Append('\n');
        return sb.ToString();
    }

    /// <summary>Pabulib costs are whole units; a project's cost is rounded up so it never looks cheaper than it is.</summary>
    public static long Yuan(long fen) => (fen + 99) / 100;

    private static string Clean(string text) => text.Replace(';', '，').Replace('\n', ' ').Replace('\r', ' ');
}
