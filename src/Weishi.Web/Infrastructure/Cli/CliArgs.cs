namespace Weishi.Web.Infrastructure.Cli;

public sealed class CliArgumentException(string message) : Exception(message);

/// <summary>Options of the form --name value; anything else is refused with a clear message.</summary>
public sealed class CliArgs
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static CliArgs Parse(IEnumerable<string> args)
    {
        var result = new CliArgs();
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var key = list[i];
            if (!key.StartsWith("--", StringComparison.Ordinal) || key.Length < 3)
                throw new CliArgumentException($"无法识别的参数“{key}”，参数应写成 --名称 值");
            if (i + 1 >= list.Count || list[i + 1].StartsWith("--", StringComparison.Ordinal))
                throw new CliArgumentException($"参数 {key} 缺少取值");
            result._values[key[2..]] = list[++i];
        }
        return result;
    }

    public string Required(string name) =>
        _values.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : throw new CliArgumentException($"缺少必填参数 --{name}");

    public string? Optional(string name) => _values.GetValueOrDefault(name);

    public void AllowOnly(params string[] names)
    {
        var unknown = _values.Keys.Except(names).ToList();
        if (unknown.Count > 0) throw new CliArgumentException($"未知参数 --{unknown[0]}");
    }
}
