using System.Diagnostics;
using System.IO.Compression;
using HelpBot.Language.Intents;

// Trains the intent model at build time so the recognizer does not train at start-up; see docs/nlu.md.
var check = args.Contains("-check") || args.Contains("--check");
var root = FindRepositoryRoot();
var dataDir = Path.Combine(root, "src", "HelpBot.Language", "Data");
var trainingPath = Path.Combine(dataDir, "train.tsv");
var modelPath = Path.Combine(dataDir, ShippedIntentModel.ModelFileName);
var fingerprintPath = Path.Combine(dataDir, ShippedIntentModel.FingerprintFileName);

var trainingBytes = File.ReadAllBytes(trainingPath);
var fingerprint = ShippedIntentModel.Fingerprint(trainingBytes);
if (check)
{
    var shipped = File.Exists(fingerprintPath) ? File.ReadAllText(fingerprintPath).Trim() : "(none)";
    if (shipped == fingerprint && File.Exists(modelPath))
    {
        Console.WriteLine($"Intent model is up to date ({fingerprint}).");
        return 0;
    }

    Console.Error.WriteLine($"STALE INTENT MODEL: shipped {shipped}, train.tsv gives {fingerprint}; run {ShippedIntentModel.RetrainCommand}");
    return 1;
}

IReadOnlyList<LabeledUtterance> training;
using (var reader = new StreamReader(new MemoryStream(trainingBytes)))
{
    training = IntentDataset.Read(reader);
}

var sw = Stopwatch.StartNew();
var classifier = IntentClassifier.Train(training);
var trainedIn = sw.Elapsed;

using var raw = new MemoryStream();
classifier.Save(raw);
var model = Reproducible(raw.ToArray());

// Round trip: the file must load and rank exactly like the model just trained.
var loaded = IntentClassifier.Load(new MemoryStream(model));
foreach (var u in training)
{
    if (!classifier.Score(u.Text).SequenceEqual(loaded.Score(u.Text)))
    {
        Console.Error.WriteLine($"The saved model ranks differently from the trained one: {u.Text}");
        return 2;
    }
}

File.WriteAllBytes(modelPath, model);
File.WriteAllText(fingerprintPath, fingerprint + "\n");
Console.WriteLine($"Trained on {training.Count} utterances in {trainedIn.TotalMilliseconds:F0} ms.");
Console.WriteLine($"Wrote {Path.GetRelativePath(root, modelPath)} ({model.Length / 1024.0:F0} KiB) and {Path.GetRelativePath(root, fingerprintPath)} ({fingerprint}).");
return 0;

// ML.NET stamps zip entries with the current time; rewrite them with a fixed time so the same data gives the same bytes.
static byte[] Reproducible(byte[] zip)
{
    var stamp = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    using var output = new MemoryStream();
    using (var source = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
    using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
    {
        foreach (var entry in source.Entries)
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = stamp;
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }

    return output.ToArray();
}

static string FindRepositoryRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HelpBot.sln")))
            {
                return dir.FullName;
            }
        }
    }

    throw new InvalidOperationException("Run from inside the HelpBot repository (HelpBot.sln not found).");
}
