using System.Globalization;
using System.IO.Compression;
using System.Text;
using Weishi.TextMining.Features;

namespace Weishi.TextMining.Classification;

/// <summary>
/// Multinomial logistic regression over hashed features. Saved as gzip'd text: a header, the class
/// names, the biases, then one line per non-zero feature row ("index w1 … wC").
/// </summary>
public sealed class CategoryModel
{
    private const string Magic = "weishi-category-model 1";

    public IReadOnlyList<string> Classes { get; }

    /// <summary>Row-major: the weights of feature f are <c>Weights[f*C .. f*C+C)</c>.</summary>
    internal float[] Weights { get; }

    internal float[] Bias { get; }

    internal CategoryModel(IReadOnlyList<string> classes, float[] weights, float[] bias)
    {
        Classes = classes;
        Weights = weights;
        Bias = bias;
    }

    /// <summary>Class probabilities (softmax) for a feature vector, written into <paramref name="probabilities"/>.</summary>
    public void Predict(SparseVector features, Span<double> probabilities)
    {
        var c = Classes.Count;
        for (var k = 0; k < c; k++) probabilities[k] = Bias[k];
        for (var i = 0; i < features.Count; i++)
        {
            var row = features.Indices[i] * c;
            var v = features.Values[i];
            for (var k = 0; k < c; k++) probabilities[k] += Weights[row + k] * v;
        }
        Softmax(probabilities[..c]);
    }

    internal static void Softmax(Span<double> scores)
    {
        var max = double.MinValue;
        foreach (var s in scores) max = Math.Max(max, s);
        double sum = 0;
        for (var k = 0; k < scores.Length; k++) sum += scores[k] = Math.Exp(scores[k] - max);
        for (var k = 0; k < scores.Length; k++) scores[k] /= sum;
    }

    public void Save(string path)
    {
        using var file = File.Create(path);
        Save(file);
    }

    public void Save(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false));
        var c = Classes.Count;
        writer.Write(Magic + "\n");
        writer.Write(FormattableString.Invariant($"dimension {FeatureHasher.Dimension}\n"));
        writer.Write("classes " + string.Join(' ', Classes) + "\n");
        writer.Write("bias " + string.Join(' ', Bias.Select(Format)) + "\n");
        var line = new StringBuilder();
        for (var f = 0; f < FeatureHasher.Dimension; f++)
        {
            var row = Weights.AsSpan(f * c, c);
            if (!row.ContainsAnyExcept(0f)) continue;
            line.Clear().Append(f.ToString(CultureInfo.InvariantCulture));
            foreach (var w in row) line.Append(' ').Append(Format(w));
            writer.Write(line.Append('\n'));
        }
    }

    public static CategoryModel Load(string path)
    {
        using var file = File.OpenRead(path);
        return Load(file);
    }

    public static CategoryModel Load(Stream stream)
    {
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress), Encoding.UTF8);
        return Read(reader);
    }

    internal static CategoryModel Read(TextReader reader)
    {
        if (reader.ReadLine() != Magic) throw new InvalidDataException("Not a Weishi category model.");
        var dimension = int.Parse(Field(reader.ReadLine(), "dimension"), CultureInfo.InvariantCulture);
        if (dimension != FeatureHasher.Dimension) throw new InvalidDataException($"Model dimension {dimension} is not {FeatureHasher.Dimension}.");
        var classes = Field(reader.ReadLine(), "classes").Split(' ');
        var bias = Field(reader.ReadLine(), "bias").Split(' ').Select(Parse).ToArray();
        var weights = new float[dimension * classes.Length];
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var parts = line.Split(' ');
            var row = int.Parse(parts[0], CultureInfo.InvariantCulture) * classes.Length;
            for (var k = 0; k < classes.Length; k++) weights[row + k] = Parse(parts[k + 1]);
        }
        return new CategoryModel(classes, weights, bias);
    }

    private static string Field(string? line, string name) =>
        line is not null && line.StartsWith(name + " ", StringComparison.Ordinal)
            ? line[(name.Length + 1)..]
            : throw new InvalidDataException($"Expected '{name}' in the model file.");

    private static string Format(float w) => w.ToString("G5", CultureInfo.InvariantCulture);

    private static float Parse(string s) => float.Parse(s, CultureInfo.InvariantCulture);
}
